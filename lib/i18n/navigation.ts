import { createNavigation } from 'next-intl/navigation';
import { redirect as nextRedirect } from 'next/navigation';
import { routing } from '@/lib/i18n/routing';

/**
 * The one way to link and redirect inside the site (eslint.config.mjs refuses next/link and next/navigation's
 * redirect, useRouter and usePathname elsewhere). Hrefs are written without the locale ("/evidence/12",
 * { pathname: '/evidence', query: { mine: '1' } }) and get the current one, or `locale` where a link switches
 * language. `getPathname({ href, locale })` gives the full path for what is not a Link: a plain <a>, a GET form's
 * action, a chart's link, next-auth's callbackUrl. Addresses outside the pages (/api/…, attachments) are no hrefs
 * for these helpers: they would get a locale prefix.
 */
const navigation = createNavigation(routing);
export const { Link, usePathname, useRouter, getPathname } = navigation;
// Annotated, so that TypeScript treats code after a call as unreachable (it does so only for declared types).
export const redirect: typeof navigation.redirect = navigation.redirect;
export const permanentRedirect: typeof navigation.permanentRedirect = navigation.permanentRedirect;

/**
 * Redirects to a path that already names its locale: a `callbackUrl` read back from the request, checked by
 * safeRedirectPath (lib/http/redirect-target.ts). Never returns.
 */
export function redirectToLocalPath(path: string): never {
  nextRedirect(path);
}
