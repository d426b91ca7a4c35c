import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EvidenceForm } from '@/components/evidence/EvidenceForm';
import { maxAttachmentMb } from '@/lib/attachments/store';
import { evidenceFormOptions } from '@/lib/data/evidence';
import type { Locale } from '@/lib/i18n/config';
import { actorCode, commitmentCode } from '@/lib/validation/codes';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'evidence' });
  return { title: t('newTitle') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NewEvidencePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const [options, query, t] = await Promise.all([
    evidenceFormOptions(locale),
    searchParams,
    getTranslations('evidence'),
  ]);
  // Pre-filled from where the user came from ("Record evidence" on a country or commitment), read by the same code
  // schemas as the form, and only when the user may pick that value: anything else leaves the field empty.
  const actor = actorCode().safeParse(first(query.actor) ?? '');
  const commitment = commitmentCode().safeParse(first(query.commitment) ?? '');
  const initial = {
    actorCode: actor.success && options.actors.some((a) => a.code === actor.data) ? actor.data : undefined,
    commitmentCode:
      commitment.success && options.commitments.some((c) => c.code === commitment.data) ? commitment.data : undefined,
  };
  return (
    <>
      <h1>{t('newTitle')}</h1>
      <p className="muted">{t('newIntro')}</p>
      <EvidenceForm options={options} initial={initial} maxAttachmentMb={maxAttachmentMb()} />
    </>
  );
}
