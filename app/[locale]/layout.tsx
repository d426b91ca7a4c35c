import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/SiteHeader';
import { Link } from '@/lib/i18n/navigation';
import { setPageLocale } from '@/lib/i18n/page-locale';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

/** The message namespaces client components read; one list, so a new client namespace is one edit. */
const CLIENT_NAMESPACES = [
  'errors',
  'validation',
  'outcomes',
  'auth',
  'account',
  'admin',
  'roles',
  'evidence',
  'ratification',
  'commitmentAdmin',
  'twoFactor',
  // Of the large "status" namespace only the implementation statuses: the one set of their labels, which the
  // evidence form's status choice shows too.
  'status.implementation',
] as const;

/** The client messages: each entry of CLIENT_NAMESPACES, a namespace or a dotted path into one, kept at its path. */
function pickClientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const path of CLIENT_NAMESPACES) {
    const keys = path.split('.');
    let source: unknown = messages;
    let target = picked;
    keys.forEach((key, index) => {
      source = (source as Record<string, unknown> | undefined)?.[key];
      if (index === keys.length - 1) target[key] = source;
      else target = (target[key] ??= {}) as Record<string, unknown>;
    });
  }
  return picked;
}

interface LayoutProps {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Omit<LayoutProps, 'children'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'app' });
  return { title: { template: `%s · ${t('name')}`, default: t('name') }, description: t('tagline') };
}

export default async function LocaleLayout({ children, params }: LayoutProps) {
  const { locale } = await params;
  setPageLocale(locale);
  const t = await getTranslations({ locale, namespace: 'nav' });
  const app = await getTranslations({ locale, namespace: 'app' });
  const api = await getTranslations({ locale, namespace: 'apiTokens' });
  // Client components get only the namespaces they use, not the whole catalogue.
  const messages = await getMessages({ locale });
  const clientMessages = pickClientMessages(messages);
  return (
    <html lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
      <body>
        {/* Around the header too: its navigation and language switcher are client components that link through
            lib/i18n/navigation.ts, which reads the locale from this provider. */}
        <NextIntlClientProvider messages={clientMessages}>
          <a className="skip-link" href="#main">
            {t('skipToContent')}
          </a>
          <SiteHeader locale={locale} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>{app('footer')}</p>
            <p>
              <Link href="/api-docs">{api('docsLink')}</Link>
            </p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
