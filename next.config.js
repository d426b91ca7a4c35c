import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const attachmentLimitMb = Number(process.env.ATTACHMENT_MAX_MB) || 20;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Without this, Turbopack copies PGlite's 16 MB of wasm and data files into the publicly served /_next/static.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg'],
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/[locale]/forbidden.tsx with status 403.
    authInterrupts: true,
    // Evidence forms carry up to five attachments of ATTACHMENT_MAX_MB each (checked again, per file, on the server).
    serverActions: { bodySizeLimit: `${attachmentLimitMb * 5 + 1}mb` },
    proxyClientMaxBodySize: `${attachmentLimitMb * 5 + 1}mb`,
  },
  async headers() {
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ];
    return [
      { source: '/:path*', headers: everywhere },
      // Pages get a nonce-based policy from proxy.ts; API responses are data and need nothing.
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
