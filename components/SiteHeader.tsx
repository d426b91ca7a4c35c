import { Suspense } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { LocaleSwitcher } from '@/components/LocaleSwitcher';
import { NavLinks } from '@/components/NavLinks';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'nav' });
  const app = await getTranslations({ locale, namespace: 'app' });
  const items = [
    { href: `/${locale}`, label: t('overview') },
    { href: `/${locale}/documents`, label: t('statement') },
    { href: `/${locale}/commitments`, label: t('commitments') },
    { href: `/${locale}/countries`, label: t('countries') },
    { href: `/${locale}/instruments`, label: t('instruments') },
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__brand" href={`/${locale}`}>
          {app('name')}
        </Link>
        <NavLinks items={items} label={t('label')} />
        <Suspense>
          <LocaleSwitcher current={locale} label={t('switchTo')} title={t('switchToLabel')} />
        </Suspense>
      </div>
    </header>
  );
}
