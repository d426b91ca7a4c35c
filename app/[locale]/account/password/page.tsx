import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { ApiTokens } from '@/components/account/ApiTokens';
import { ChangePasswordForm } from '@/components/auth/ChangePasswordForm';
import { requireUser } from '@/lib/auth/guard';
import { listOwnApiTokens } from '@/lib/data/api-tokens';
import type { Locale } from '@/lib/i18n/config';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'account' });
  return { title: t('title') };
}

export default async function ChangePasswordPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const user = await requireUser({ allowPendingPasswordChange: true });
  const t = await getTranslations('account');
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('signedInAs', { email: user.email })}</p>
      {!user.mustChangePassword && (
        <p>
          <Link href="/account/security">{t('securityLink')}</Link>
        </p>
      )}
      {user.mustChangePassword && (
        <p className="notice" role="status">
          {t('mustChange')}
        </p>
      )}
      <ChangePasswordForm continueHref={getPathname({ href: '/', locale })} offerSignOut={!user.mustChangePassword} />
      {!user.mustChangePassword && <ApiTokens locale={locale} tokens={await listOwnApiTokens()} />}
    </div>
  );
}
