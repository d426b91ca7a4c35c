import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/SiteHeader';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

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
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'nav' });
  const app = await getTranslations({ locale, namespace: 'app' });
  const api = await getTranslations({ locale, namespace: 'apiTokens' });
  // Client components get only the namespaces they use, not the whole catalogue.
  const {
    errors,
    validation,
    outcomes,
    auth,
    account,
    admin,
    roles,
    evidence,
    ratification,
    commitmentAdmin,
    twoFactor,
  } = await getMessages({
    locale,
  });
  return (
    <html lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1}>
          <NextIntlClientProvider
            messages={{
              errors,
              validation,
              outcomes,
              auth,
              account,
              admin,
              roles,
              evidence,
              ratification,
              commitmentAdmin,
              twoFactor,
            }}
          >
            {children}
          </NextIntlClientProvider>
        </main>
        <footer className="site-footer">
          <p>{app('footer')}</p>
          <p>
            <Link href={`/${locale}/api-docs`}>{api('docsLink')}</Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
