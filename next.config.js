import createNextIntlPlugin from 'next-intl/plugin';
import { env } from './lib/env-schema.mjs';
import { API_CSP, BASELINE_CSP, BASELINE_HEADERS } from './lib/http/baseline-headers.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Configuration is parsed only by lib/env.ts's schema, which is plain JavaScript (lib/env-schema.mjs) so that this
// file, imported by Next.js without a TypeScript loader, reads it without loading one into the server process.
const attachmentLimitMb = env().ATTACHMENT_MAX_MB;

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
    return [
      // Every response, including the 404 page of a path with a dot, which proxy.ts does not see. Pages get
      // proxy.ts's nonce-based policy instead (a proxy's headers replace these); attachment downloads keep
      // their own `sandbox` policy, which a header set here would override.
      { source: '/:path*', headers: BASELINE_HEADERS },
      { source: '/:path((?!api/attachments/).*)', headers: [{ key: 'Content-Security-Policy', value: BASELINE_CSP }] },
      // API responses are data.
      { source: '/api/:path((?!attachments/).*)', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
