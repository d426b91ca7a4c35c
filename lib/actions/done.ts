import 'server-only';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/**
 * Ends a successful action by showing `path` (under the current locale, e.g. "/evidence/12") with `?done=<key>`:
 * for actions after which the form that ran them is gone, so their confirmation is shown by the page
 * (components/forms/DoneMessage.tsx). `key` is a key of the "outcomes" messages the page allows. Never returns.
 */
export async function redirectDone(path: string, key: string): Promise<never> {
  redirect({ href: { pathname: path, query: { done: key } }, locale: await getLocale() });
}
