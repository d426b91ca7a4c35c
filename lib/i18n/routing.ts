import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from '@/lib/i18n/config';

// Every page lives under /en or /zh; a visitor without a prefix gets the browser's language (Accept-Language),
// then the language they last chose (cookie), then English.
export const routing = defineRouting({ locales, defaultLocale, localePrefix: 'always' });
