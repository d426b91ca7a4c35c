'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { importEvidenceAction, type ImportApplyState } from '@/lib/actions/transfer';
import { initialFormState } from '@/lib/actions/form-state';

interface Problem {
  line: number;
  column: string;
  reason: string;
}

interface Preview {
  token: string;
  fileName: string;
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  problems: Problem[];
  problemsTotal: number;
}

type Intent = 'draft' | 'submit' | 'verify';

/** Upload → preview (nothing written) → apply (all rows or none), for evidence CSV files. */
export function ImportForm({ canVerify, maxMb, maxRows }: { canVerify: boolean; maxMb: number; maxRows: number }) {
  const t = useTranslations('transfer');
  const validation = useTranslations('validation');
  const outcomes = useTranslations('outcomes');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [intent, setIntent] = useState<Intent>('draft');
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
    try {
      const response = await fetch('/api/import/evidence', { method: 'POST', body: new FormData(event.currentTarget) });
      const body = await response.json();
      if (!response.ok) {
        const code = body?.error?.code as string | undefined;
        setError(code && outcomes.has(code) ? outcomes(code, { limit: body.error.limit ?? '' }) : t('uploadFailed'));
      } else {
        setPreview(body as Preview);
      }
    } catch {
      setError(t('uploadFailed'));
    } finally {
      setBusy(false);
    }
  }

  const changes = preview ? preview.creates + preview.updates : 0;
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
            {canVerify && <option value="verify">{t('intents.verify')}</option>}
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
            <dt>{t('problems')}</dt>
            <dd data-count="problems">{preview.problemsTotal}</dd>
          </dl>
          {preview.problemsTotal > 0 ? (
            <div className="table-scroll">
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
            </div>
          ) : changes === 0 ? (
            <p>{t('nothingToDo')}</p>
          ) : applied.status === 'ok' && applied.result ? null : (
            <form action={applyAction}>
              <input type="hidden" name="token" value={preview.token} />
              <input type="hidden" name="intent" value={intent} />
              <SubmitButton pendingLabel={t('applying')}>{t('apply', { count: changes })}</SubmitButton>
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
