/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its package directory at run time; bundling
  // it would break those paths. postgres-js stays external too so one copy pools connections.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
