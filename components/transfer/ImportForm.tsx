'use client';

import { useActionState, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { importEvidenceAction, type ImportApplyState } from '@/lib/actions/transfer';
import { initialFormState } from '@/lib/actions/form-state';
import { Link } from '@/lib/i18n/navigation';
import { TableScroll } from '@/components/TableScroll';

interface Problem {
  line: number;
  column: string;
  reason: string;
}

/** A new row equal to an existing record (`recordId`) or to an earlier row of the file (`ofLine`). */
type Duplicate = { line: number; recordId: number } | { line: number; ofLine: number };

interface Preview {
  token: string;
  /** What the file was checked for (the CSV downloads of its tables check it again the same way). */
  intent: Intent;
  fileName: string;
  rows: number;
  creates: number;
  duplicates: Duplicate[];
  duplicatesTotal: number;
  updates: number;
  unchanged: number;
  problems: Problem[];
  problemsTotal: number;
}

// No "verified": an imported row is written by the importer, and nobody verifies their own record.
type Intent = 'draft' | 'submit';

/**
 * Upload → preview (nothing written) → apply (all rows or none), for evidence CSV files. New rows that duplicate a
 * record or an earlier row are listed, and skipped unless the user chooses to create them anyway.
 */
export function ImportForm({ maxMb, maxRows }: { maxMb: number; maxRows: number }) {
  const t = useTranslations('transfer');
  const locale = useLocale();
  const validation = useTranslations('validation');
  const outcomes = useTranslations('outcomes');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [intent, setIntent] = useState<Intent>('draft');
  const [duplicateChoice, setDuplicateChoice] = useState<'skip' | 'create'>('skip');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [applied, applyAction] = useActionState<ImportApplyState, FormData>(importEvidenceAction, initialFormState);

  const reasonText = (reason: string) => {
    const [key, ...rest] = reason.split(':');
    const detail = rest.join(':');
    return key && validation.has(key) ? validation(key, { detail }) : reason;
  };

  async function check(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setPreview(null);
    setDuplicateChoice('skip');
    try {
      const response = await fetch('/api/import/evidence', { method: 'POST', body: new FormData(event.currentTarget) });
      const body = await response.json();
      if (!response.ok) {
        // The route's snake_case codes name the form's outcome messages: import_too_large → importTooLarge.
        const code = (body?.error?.code as string | undefined)?.replace(/_([a-z0-9])/g, (_, c: string) =>
          c.toUpperCase(),
        );
        // `details.limit` is a number (MB or rows), formatted by the message ({limit, number}).
        const limit: unknown = body?.error?.details?.limit;
        setError(
          code && outcomes.has(code)
            ? outcomes(code, typeof limit === 'number' ? { limit } : undefined)
            : t('uploadFailed'),
        );
      } else {
        setPreview({ ...(body as Omit<Preview, 'intent'>), intent });
      }
    } catch {
      setError(t('uploadFailed'));
    } finally {
      setBusy(false);
    }
  }

  const duplicateCount = preview?.duplicatesTotal ?? 0;
  /** The CSV of one preview table (lib/transfer/tables.ts): every row, also those past the page's first 1000. */
  const csvLink = (table: 'import-problems' | 'import-duplicates') => {
    const query = new URLSearchParams({ locale, token: preview!.token, intent: preview!.intent });
    const withBom = new URLSearchParams(query);
    withBom.set('bom', '1');
    return (
      <p className="download-csv">
        <a href={`/api/export/table/${table}?${query}`} download>
          {t('downloadCsv')}
        </a>{' '}
        <span className="muted">
          (
          <a href={`/api/export/table/${table}?${withBom}`} download title={t('downloadCsvExcelHint')}>
            {t('downloadCsvExcel')}
          </a>
          )
        </span>
      </p>
    );
  };
  const changes = preview ? preview.creates + preview.updates + (duplicateChoice === 'create' ? duplicateCount : 0) : 0;
  return (
    <>
      <form className="stack" onSubmit={(event) => void check(event)} encType="multipart/form-data">
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="import-file-hint"
          />
          <p id="import-file-hint" className="hint">
            {t('fileHint', { maxMb, maxRows })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="import-intent">{t('intent')}</label>
          <select
            id="import-intent"
            name="intent"
            value={intent}
            onChange={(event) => setIntent(event.target.value as Intent)}
          >
            <option value="draft">{t('intents.draft')}</option>
            <option value="submit">{t('intents.submit')}</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
          {busy ? t('previewing') : t('preview')}
        </button>
        {error && (
          <p className="form-message form-message--error" role="alert">
            {error}
          </p>
        )}
      </form>

      {preview && (
        <section aria-labelledby="import-preview" className="import-preview">
          <h2 id="import-preview">{t('previewTitle')}</h2>
          <dl className="import-counts">
            <dt>{t('rows')}</dt>
            <dd data-count="rows">{preview.rows}</dd>
            <dt>{t('creates')}</dt>
            <dd data-count="creates">{preview.creates}</dd>
            <dt>{t('updates')}</dt>
            <dd data-count="updates">{preview.updates}</dd>
            <dt>{t('unchanged')}</dt>
            <dd data-count="unchanged">{preview.unchanged}</dd>
            <dt>{t('duplicates')}</dt>
            <dd data-count="duplicates">{duplicateCount}</dd>
            <dt>{t('problems')}</dt>
            <dd data-count="problems">{preview.problemsTotal}</dd>
          </dl>
          {duplicateCount > 0 && csvLink('import-duplicates')}
          {duplicateCount > 0 && (
            <TableScroll label={t('duplicatesCaption')}>
              <table>
                <caption>{t('duplicatesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('line')}
                    </th>
                    <th scope="col">{t('duplicateOf')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.duplicates.map((duplicate) => (
                    <tr key={duplicate.line}>
                      <td className="num">{duplicate.line}</td>
                      <td>
                        {'recordId' in duplicate ? (
                          <Link href={`/evidence/${duplicate.recordId}`}>
                            {t('duplicateOfRecord', { id: duplicate.recordId })}
                          </Link>
                        ) : (
                          t('duplicateOfRow', { line: duplicate.ofLine })
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {duplicateCount > preview.duplicates.length && (
                <p className="muted">
                  {t('duplicatesMore', { shown: preview.duplicates.length, total: duplicateCount })}
                </p>
              )}
            </TableScroll>
          )}
          {preview.problemsTotal > 0 && csvLink('import-problems')}
          {preview.problemsTotal > 0 ? (
            <TableScroll label={t('problemsCaption')}>
              <table>
                <caption>{t('problemsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('line')}
                    </th>
                    <th scope="col">{t('column')}</th>
                    <th scope="col">{t('reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.map((problem, index) => (
                    <tr key={index}>
                      <td className="num">{problem.line}</td>
                      <td>
                        <code>{problem.column}</code>
                      </td>
                      <td>{reasonText(problem.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.problemsTotal > preview.problems.length && (
                <p className="muted">
                  {t('problemsMore', { shown: preview.problems.length, total: preview.problemsTotal })}
                </p>
              )}
            </TableScroll>
          ) : changes === 0 && duplicateCount === 0 ? (
            <p>{t('nothingToDo')}</p>
          ) : applied.status === 'ok' && applied.result ? null : (
            <form action={applyAction} className="stack">
              <input type="hidden" name="token" value={preview.token} />
              <input type="hidden" name="intent" value={intent} />
              {duplicateCount > 0 && (
                <fieldset className="field">
                  <legend>{t('duplicatesChoice')}</legend>
                  <label>
                    <input
                      type="radio"
                      name="duplicates"
                      value="skip"
                      checked={duplicateChoice === 'skip'}
                      onChange={() => setDuplicateChoice('skip')}
                    />{' '}
                    {t('duplicatesSkip', { count: duplicateCount })}
                  </label>
                  <label>
                    <input
                      type="radio"
                      name="duplicates"
                      value="create"
                      checked={duplicateChoice === 'create'}
                      onChange={() => setDuplicateChoice('create')}
                    />{' '}
                    {t('duplicatesCreate', { count: duplicateCount })}
                  </label>
                </fieldset>
              )}
              {changes > 0 ? (
                <SubmitButton pendingLabel={t('applying')}>{t('apply', { count: changes })}</SubmitButton>
              ) : (
                <p>{t('nothingToDo')}</p>
              )}
            </form>
          )}
          <FormMessage state={applied} />
          {applied.status === 'ok' && applied.result && (
            <p role="status" className="import-result">
              {t('applied', applied.result)}
            </p>
          )}
          {applied.status === 'error' &&
            applied.fieldErrors?.csv?.map((row) => {
              const [line, column, reason] = row.replace(/^importRow:/, '').split('|');
              return (
                <p key={row} className="form-message form-message--error">
                  {t('line')} {line}, {column}: {reasonText(reason ?? '')}
                </p>
              );
            })}
        </section>
      )}
    </>
  );
}
