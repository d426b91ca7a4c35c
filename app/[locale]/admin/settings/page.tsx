import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PublicViewForm } from '@/components/admin/UserForms';
import { requirePermission } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import type { Locale } from '@/lib/i18n/config';
import { isPublicViewEnabled } from '@/lib/settings';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: t('settingsTitle') };
}

export default async function SettingsPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  await requirePermission('manage:settings');
  const [t, publicView] = await Promise.all([getTranslations('admin'), isPublicViewEnabled(await requestPrisma())]);
  return (
    <>
      <h1>{t('settingsTitle')}</h1>
      <h2>{t('publicView')}</h2>
      <p className="muted">{t('publicViewHint')}</p>
      <PublicViewForm enabled={publicView} />
    </>
  );
}
