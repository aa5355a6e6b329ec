import { securityHeaders } from './lib/security-headers.mjs';

/** The public bucket's origin, when uploads are served from it (S3_PUBLIC_URL), read at build time. */
function publicImageOrigin() {
  try {
    return process.env.S3_PUBLIC_URL ? new URL(process.env.S3_PUBLIC_URL) : null;
  } catch {
    return null;
  }
}
const imageOrigin = publicImageOrigin();

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its package directory at run time; bundling
  // it would break those paths. postgres-js stays external too so one copy pools connections.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
  // next/image optimizes uploads only: our media route, and the public bucket when configured
  // (lib/media/optimized-image.ts draws any other address unoptimized). The CSP's img-src
  // already allows 'self' (the optimizer's /_next/image) and the bucket's origin.
  images: {
    formats: ['image/avif', 'image/webp'],
    localPatterns: [{ pathname: '/api/media/**' }],
    remotePatterns: imageOrigin
      ? [{ protocol: imageOrigin.protocol.replace(':', ''), hostname: imageOrigin.hostname, port: imageOrigin.port, pathname: '/**' }]
      : [],
  },
  env: { NEXT_PUBLIC_IMAGE_ORIGINS: imageOrigin ? imageOrigin.origin : '' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders({ production: process.env.NODE_ENV === 'production' }) }];
  },
};

export default nextConfig;
