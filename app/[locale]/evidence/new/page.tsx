import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EvidenceForm } from '@/components/evidence/EvidenceForm';
import { maxAttachmentMb } from '@/lib/attachments/store';
import { evidenceFormOptions } from '@/lib/data/evidence';
import type { Locale } from '@/lib/i18n/config';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'evidence' });
  return { title: t('newTitle') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 40);

export default async function NewEvidencePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [options, query, t] = await Promise.all([
    evidenceFormOptions(locale),
    searchParams,
    getTranslations('evidence'),
  ]);
  return (
    <>
      <h1>{t('newTitle')}</h1>
      <p className="muted">{t('newIntro')}</p>
      <EvidenceForm
        options={options}
        initial={{ actorCode: first(query.actor), commitmentCode: first(query.commitment) }}
        maxAttachmentMb={maxAttachmentMb()}
      />
    </>
  );
}
