import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { VerifyCodeForm } from '@/components/account/TwoFactorForms';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { requireUser } from '@/lib/auth/guard';
import type { Locale } from '@/lib/i18n/config';
import { getPathname, redirect } from '@/lib/i18n/navigation';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'twoFactor' });
  return { title: t('verifyTitle') };
}

/** The second step of sign-in, for a session that gave the password of a user with a second factor. */
export default async function SignInCodePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const user = await requireUser({ allowSecondFactorStep: 'verify' });
  if (user.pendingSecondFactor !== 'verify') redirect({ href: '/', locale });
  const query = await searchParams;
  // The action checks it again: only a path on this site is followed.
  const callbackUrl = typeof query.callbackUrl === 'string' ? query.callbackUrl : getPathname({ href: '/', locale });
  const t = await getTranslations('twoFactor');
  return (
    <div className="narrow stack">
      <h1>{t('verifyTitle')}</h1>
      <p className="muted">{t('verifyIntro')}</p>
      <VerifyCodeForm callbackUrl={callbackUrl} />
      <p>
        <SignOutButton label={t('cancel')} />
      </p>
    </div>
  );
}
