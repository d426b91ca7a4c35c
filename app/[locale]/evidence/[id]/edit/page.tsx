import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EvidenceForm } from '@/components/evidence/EvidenceForm';
import { maxAttachmentMb } from '@/lib/attachments/store';
import { evidenceFormOptions, getEvidence, pendingReturn } from '@/lib/data/evidence';
import type { Locale } from '@/lib/i18n/config';
import { parseId } from '@/lib/validation/primitives';
import { isoDayOrNull } from '@/lib/dates';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'evidence' });
  return { title: t('editTitle') };
}

export default async function EditEvidencePage({ params }: Props) {
  const { locale, id } = await params;
  setPageLocale(locale);
  const numericId = parseId(id);
  const [options, record, t] = await Promise.all([
    evidenceFormOptions(locale),
    numericId !== null ? getEvidence(numericId, locale) : null,
    getTranslations('evidence'),
  ]);
  if (!record) notFound();
  const latest = record.revisions[0]!;
  const returned = pendingReturn(record);
  return (
    <>
      <h1>{t('editTitle')}</h1>
      {record.state === 'SUBMITTED' ? (
        <p className="notice">{t('inReviewCannotEdit')}</p>
      ) : (
        <>
          {record.state === 'VERIFIED' && <p className="notice">{t('editVerifiedNote')}</p>}
          {returned && (
            // The reviewer's reasons stay in sight while the editor fixes the record, drafts saved meanwhile included.
            <div className="notice" role="status" id="return-comment">
              <p>
                <strong>{t('returnedBy', { reviewer: returned.reviewer })}</strong>
              </p>
              <p className="review-comment">{returned.comment}</p>
            </div>
          )}
          <EvidenceForm
            options={options}
            record={{ id: record.id, version: record.version, attachments: latest.attachments }}
            maxAttachmentMb={maxAttachmentMb()}
            initial={{
              actorCode: record.actor.code,
              commitmentCode: record.commitment.code,
              observedOn: isoDayOrNull(latest.observedOn) ?? '',
              status: latest.status ?? '',
              score: latest.score === null ? '' : String(latest.score),
              summaryEn: latest.summary.en,
              summaryZh: latest.summary.zh,
              visibility: latest.visibility,
              tags: latest.tags.join(', '),
              sources: latest.sources.map((source) => ({
                type: source.type,
                url: source.url ?? undefined,
                reference: source.reference ?? undefined,
                title: source.title ?? undefined,
                publishedOn: isoDayOrNull(source.publishedOn) ?? undefined,
              })),
            }}
          />
        </>
      )}
    </>
  );
}
