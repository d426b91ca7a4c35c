import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guard';
import type { Locale } from '@/lib/i18n/config';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: t('signedInAgainTitle') };
}

/**
 * Where signing in again from a form whose session had ended lands (the form's message opens sign-in in a new tab,
 * components/forms/FormStatus.tsx): it sends the user back to the tab that still holds what they typed.
 */
export default async function SignedInAgainPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  await requireUser();
  const t = await getTranslations('auth');
  return (
    <div className="narrow">
      <h1>{t('signedInAgainTitle')}</h1>
      <p role="status">{t('signedInAgain')}</p>
    </div>
  );
}
