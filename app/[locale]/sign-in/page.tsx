import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/SignInForm';
import { getSessionUser } from '@/lib/auth/session';
import { safeRedirectPath } from '@/lib/http/redirect-target';
import type { Locale } from '@/lib/i18n/config';
import { getPathname, redirect, redirectToLocalPath } from '@/lib/i18n/navigation';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: t('title') };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  // Only paths on this site: an open redirect through callbackUrl would make a good phishing link.
  const callbackUrl = safeRedirectPath(query.callbackUrl, getPathname({ href: '/', locale }));
  const signedIn = await getSessionUser();
  if (signedIn?.pendingSecondFactor === 'verify') {
    redirect({ href: { pathname: '/sign-in/code', query: { callbackUrl } }, locale });
  }
  if (signedIn) redirectToLocalPath(callbackUrl);
  const t = await getTranslations('auth');
  const error = query.error === 'RateLimited' ? 'rateLimited' : query.error ? 'invalid' : undefined;
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
    </div>
  );
}
