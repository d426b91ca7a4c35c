import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { formats, TIME_ZONE } from '@/lib/i18n/formats';
import { loadMessages } from '@/lib/i18n/messages';
import { routing } from '@/lib/i18n/routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: TIME_ZONE, formats };
});
