import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { ImportForm } from '@/components/transfer/ImportForm';
import { requirePermission } from '@/lib/auth/guard';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/config';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'transfer' });
  return { title: t('importTitle') };
}

export default async function ImportEvidencePage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  await requirePermission('write:evidence');
  const [t, messages] = await Promise.all([getTranslations('transfer'), getMessages()]);
  return (
    <>
      <h1>{t('importTitle')}</h1>
      <p className="lead">{t('importIntro')}</p>
      <DownloadCsv path="/api/export/evidence" params={{ mine: '1' }} label="importTemplate" />
      <NextIntlClientProvider
        messages={{ transfer: messages.transfer, validation: messages.validation, outcomes: messages.outcomes }}
      >
        <ImportForm maxMb={env().IMPORT_MAX_MB} maxRows={env().IMPORT_MAX_ROWS} />
      </NextIntlClientProvider>
    </>
  );
}
