import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DeleteDraftForm, WithdrawForm } from '@/components/evidence/DraftActions';
import { ReviewForm, SubmitForReviewForm, UnpublishForm } from '@/components/evidence/ReviewForms';
import { revisionChanges, type ChangeWords } from '@/components/evidence/RevisionChanges';
import { DoneMessage } from '@/components/forms/DoneMessage';
import { Tag } from '@/components/Tag';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { getEvidence, pendingReturn, previewRecordVerification } from '@/lib/data/evidence';
import { inCountryScope, isOwnRecord } from '@/lib/evidence/rules';
import type { Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { parseId } from '@/lib/validation/primitives';
import { TableScroll } from '@/components/TableScroll';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The confirmations of the record's actions (lib/actions/evidence.ts), shown after they redraw the page. */
const DONE_MESSAGES = [
  'evidenceSubmitted',
  'evidenceVerified',
  'evidenceReturned',
  'evidenceUnpublished',
  'evidenceWithdrawn',
];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'evidence' });
  return { title: t('recordTitle') };
}

export default async function EvidencePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setPageLocale(locale);
  const numericId = parseId(id);
  const { done } = await searchParams;
  const [record, t, statuses, format] = await Promise.all([
    numericId !== null ? getEvidence(numericId, locale) : null,
    getTranslations('evidence'),
    getTranslations('status'),
    getFormatter(),
  ]);
  if (!record) notFound();
  const { user } = record;
  const latest = record.revisions[0]!;
  const verified = record.revisions.find((revision) => revision.state === 'VERIFIED');
  // Controls follow the evidence rules the operations enforce (lib/evidence/rules.ts).
  const inScope = inCountryScope(user, record.actor.code);
  const mayEdit = can(user, 'write:evidence') && inScope && record.state !== 'SUBMITTED';
  const ownRecord = isOwnRecord(user, { createdById: record.createdById, latestAuthorId: latest.author.id });
  const mayReview = can(user, 'review:evidence') && record.state === 'SUBMITTED' && !ownRecord;
  // Unpublishing is allowed in any state, in review included: withdrawing from the public must not wait.
  const mayUnpublish =
    can(user, 'write:evidence') && inScope && record.revisions.some((revision) => revision.visibility === 'PUBLIC');
  // Deleting a draft and withdrawing a submission are its author's (deleteViolations, withdrawViolations).
  const mayDelete =
    mayEdit &&
    ownRecord &&
    record.revisions.every((revision) => revision.state === 'DRAFT' && revision.submittedAt === null);
  const mayWithdraw = can(user, 'write:evidence') && inScope && ownRecord && record.state === 'SUBMITTED';
  const date = (value: Date | null) => (value ? format.dateTime(value, 'day') : '–');
  const dateTime = (value: Date | null) => (value ? format.dateTime(value, 'dayTime') : '–');
  const words: ChangeWords = {
    status: (code) => statuses(`implementation.${code}` as 'implementation.NOT_STARTED'),
    visibility: (code) => t(`visibilities.${code}` as 'visibilities.PUBLIC'),
    sourceType: (code) => t(`sourceTypes.${code}` as 'sourceTypes.OTHER'),
    score: (score) => `${score > 0 ? `+${score}` : score} · ${t(`scores.${score}` as 'scores.1')}`,
    date: (value) => format.dateTime(value, 'day'),
  };
  const returned = pendingReturn(record);
  const effect = mayReview ? await previewRecordVerification(latest.id) : null;

  return (
    <article>
      <p>
        <Link href="/evidence">← {t('myRecords')}</Link>
      </p>
      <h1>
        {record.actor.name} · {record.commitment.title}
      </h1>
      <p className="muted">
        {record.actor.code} · {record.commitment.code} · #{record.id}{' '}
        <Tag variant={`state-${record.state}`}>{t(`states.${record.state}`)}</Tag>
      </p>

      <DoneMessage done={done} allowed={DONE_MESSAGES} />
      {returned && (
        <div className="notice" role="status">
          <p>
            <strong>{t('returnedBy', { reviewer: returned.reviewer })}</strong>
          </p>
          <p className="review-comment">{returned.comment}</p>
        </div>
      )}
      {verified && verified !== latest && (
        <p className="muted">{t('verifiedStillCounts', { number: verified.number })}</p>
      )}

      <dl className="facts">
        <dt>{t('observedOn')}</dt>
        <dd>{date(latest.observedOn)}</dd>
        <dt>{t('status')}</dt>
        <dd>{latest.status ? words.status(latest.status) : '–'}</dd>
        <dt>{t('score')}</dt>
        <dd>{latest.score === null ? t('noScore') : latest.score > 0 ? `+${latest.score}` : latest.score}</dd>
        <dt>{t('visibility')}</dt>
        <dd>{t(`visibilities.${latest.visibility}`)}</dd>
        {latest.tags.length > 0 && (
          <>
            <dt>{t('tags')}</dt>
            <dd>{latest.tags.join(', ')}</dd>
          </>
        )}
      </dl>
      <div className="bilingual">
        {latest.summary.en && (
          <section lang="en">
            <h2 className="h3">{t('summaryEn')}</h2>
            <p>{latest.summary.en}</p>
          </section>
        )}
        {latest.summary.zh && (
          <section lang="zh-Hans">
            <h2 className="h3">{t('summaryZh')}</h2>
            <p>{latest.summary.zh}</p>
          </section>
        )}
      </div>

      <h2>{t('sources')}</h2>
      {latest.sources.length === 0 && <p className="muted">{t('noSourcesYet')}</p>}
      <ol className="link-list">
        {latest.sources.map((source) => (
          <li key={source.id}>
            <span className="muted">{t(`sourceTypes.${source.type}`)}:</span>{' '}
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
                {source.title ?? source.url}
              </a>
            ) : (
              (source.title ?? source.reference)
            )}
            {/* The document reference stays visible beside a link or a title (unless it is the text shown). */}
            {source.reference && (source.url || source.title) ? ` · ${source.reference}` : ''}
            {source.publishedOn ? ` · ${date(source.publishedOn)}` : ''}
          </li>
        ))}
      </ol>
      {latest.attachments.length > 0 && (
        <>
          <h2>{t('attachments')}</h2>
          <ul className="link-list">
            {latest.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/api/attachments/${attachment.id}`}>{attachment.fileName}</a>{' '}
                <span className="muted">
                  ({format.number(attachment.size / 1024, { maximumFractionDigits: 0 })} KB · SHA-256{' '}
                  {attachment.sha256.slice(0, 12)}…)
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {(mayEdit || mayReview || mayUnpublish || mayWithdraw) && <h2>{t('actions')}</h2>}
      {mayEdit && (
        // A div, not a paragraph: it holds a form, which a paragraph may not contain (the browser would split it).
        <div className="form-actions">
          <Link className="button button--quiet" href={`/evidence/${record.id}/edit`}>
            {t('edit')}
          </Link>
          {(record.state === 'DRAFT' || record.state === 'RETURNED') && (
            <SubmitForReviewForm id={record.id} version={record.version} />
          )}
        </div>
      )}
      {mayReview && effect && (
        <div className="notice" id="verify-effect">
          <p>
            {effect.before === effect.after
              ? t('verifyKeepsStatus', {
                  pair: `${record.actor.name} × ${record.commitment.code}`,
                  status: words.status(effect.after),
                })
              : t('verifyChangesStatus', {
                  pair: `${record.actor.name} × ${record.commitment.code}`,
                  before: words.status(effect.before),
                  after: words.status(effect.after),
                })}
          </p>
          {effect.rivals.map((rival) => (
            <p key={rival.evidenceId} role="alert">
              {t('verifyRival', {
                when: rival.observedOn.getTime() === latest.observedOn?.getTime() ? 'same' : 'later',
                id: rival.evidenceId,
                date: date(rival.observedOn),
                status: words.status(rival.status),
              })}{' '}
              <Link href={`/evidence/${rival.evidenceId}`}>{t('openRecord', { id: rival.evidenceId })}</Link>
            </p>
          ))}
        </div>
      )}
      {mayDelete && <DeleteDraftForm id={record.id} version={record.version} />}
      {mayWithdraw && <WithdrawForm id={record.id} version={record.version} />}
      {mayReview && <ReviewForm id={record.id} version={record.version} />}
      {mayUnpublish && <UnpublishForm id={record.id} version={record.version} />}
      {can(user, 'review:evidence') && record.state === 'SUBMITTED' && ownRecord && (
        <p className="muted">{t('cannotReviewOwn')}</p>
      )}

      <h2 id="history">{t('history')}</h2>
      <DownloadCsv path="/api/export/table/evidence-history" params={{ locale, id: String(record.id) }} />
      <TableScroll labelledBy="history">
        <table aria-labelledby="history">
          <thead>
            <tr>
              <th scope="col">{t('revision')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('author')}</th>
              <th scope="col">{t('review')}</th>
              <th scope="col">{t('changes')}</th>
            </tr>
          </thead>
          <tbody>
            {record.revisions.map((revision, index) => {
              const changes = revisionChanges(revision, record.revisions[index + 1], words);
              return (
                <tr key={revision.id}>
                  <td>{revision.number}</td>
                  <td>{t(`states.${revision.state}`)}</td>
                  <td>
                    {revision.author.email}
                    <br />
                    <span className="muted">{dateTime(revision.createdAt)}</span>
                  </td>
                  <td>
                    {revision.reviewer ? (
                      <>
                        {revision.reviewer.email}
                        <br />
                        <span className="muted">{dateTime(revision.reviewedAt)}</span>
                        {revision.reviewComment && <p className="review-comment">{revision.reviewComment}</p>}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>
                    {index === record.revisions.length - 1 ? (
                      t('firstRevision')
                    ) : changes.length === 0 ? (
                      t('noChanges')
                    ) : (
                      <ul className="changes">
                        {changes.map(({ field, number, before, after }) => (
                          <li key={`${field}${number ?? ''}`}>
                            <strong>
                              {field === 'source' ? t('fields.source', { number: number ?? 0 }) : t(`fields.${field}`)}
                            </strong>
                            : <del>{before || '∅'}</del> → <ins>{after || '∅'}</ins>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </article>
  );
}
