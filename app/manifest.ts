import type { MetadataRoute } from 'next';

/** The web app manifest (served at /manifest.webmanifest): what makes WorkFree installable. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'WorkFree — learn by doing',
    short_name: 'WorkFree',
    description: 'Hands-on quests in web development, data, security, Python and DevOps. Keeps reading offline.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait-primary',
    theme_color: '#4f46e5',
    background_color: '#ffffff',
    categories: ['education'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
