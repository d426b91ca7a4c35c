import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { LocaleSwitcher } from '@/components/LocaleSwitcher';
import { AccountLink, NavLinks } from '@/components/NavLinks';
import { getCurrentUser } from '@/lib/auth/session';
import type { Locale } from '@/lib/i18n/config';
import { Link } from '@/lib/i18n/navigation';
import { can } from '@/lib/permissions';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const [t, app, roles, user] = await Promise.all([
    getTranslations({ locale, namespace: 'nav' }),
    getTranslations({ locale, namespace: 'app' }),
    getTranslations({ locale, namespace: 'roles' }),
    getCurrentUser(),
  ]);
  const items = [
    { href: '/', label: t('overview'), exact: true },
    { href: '/documents', label: t('statement') },
    { href: '/commitments', label: t('commitments') },
    { href: '/countries', label: t('countries') },
    { href: '/matrix', label: t('matrix') },
    { href: '/map', label: t('map') },
    { href: '/instruments', label: t('instruments') },
    ...(can(user, 'write:evidence') ? [{ href: '/evidence', label: t('evidence') }] : []),
    ...(can(user, 'review:evidence') ? [{ href: '/review', label: t('review') }] : []),
    // Shown to those who may use them; the pages check again on the server.
    ...(can(user, 'manage:users') ? [{ href: '/admin/users', label: t('users') }] : []),
    ...(can(user, 'read:audit') ? [{ href: '/admin/audit', label: t('audit') }] : []),
    ...(can(user, 'manage:settings') ? [{ href: '/admin/settings', label: t('settings') }] : []),
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__brand" href="/">
          {app('name')}
        </Link>
        <NavLinks items={items} label={t('label')} />
        <div className="site-header__account">
          {user ? (
            <>
              <AccountLink
                href="/account/password"
                label={t('account')}
                detail={`${user.email} (${roles(user.role)})`}
              />
              <span className="site-header__who muted">
                {user.email} ({roles(user.role)})
              </span>
              <SignOutButton label={t('signOut')} />
            </>
          ) : (
            <Link href="/sign-in">{t('signIn')}</Link>
          )}
          <Suspense>
            <LocaleSwitcher
              current={locale}
              label={t('switchTo')}
              title={t('switchToLabel')}
              unsavedMessage={t('unsavedChanges')}
            />
          </Suspense>
        </div>
      </div>
    </header>
  );
}
