'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage } from '@/components/forms/FormStatus';
import { createEvidenceAction, updateEvidenceAction } from '@/lib/actions/evidence';
import { formKey, initialFormState } from '@/lib/actions/form-state';
import { IMPLEMENTATION_STATUSES, MAX_SOURCES, SOURCE_TYPES } from '@/lib/validation/evidence';

export interface EvidenceFormValues {
  actorCode?: string;
  commitmentCode?: string;
  observedOn?: string;
  status?: string;
  score?: string;
  summaryEn?: string;
  summaryZh?: string;
  visibility?: string;
  tags?: string;
  sources?: { type: string; url?: string; reference?: string; title?: string; publishedOn?: string }[];
}

interface Props {
  options: { actors: { code: string; label: string }[]; commitments: { code: string; label: string }[] };
  initial: EvidenceFormValues;
  /** Present when editing: the record, the version read and its current attachments. */
  record?: { id: number; version: number; attachments: { id: number; fileName: string }[] };
  maxAttachmentMb: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The entry and edit form: every field keyboard-usable, errors beside their fields, nothing lost on an error. */
export function EvidenceForm({ options, initial, record, maxAttachmentMb }: Props) {
  const t = useTranslations('evidence');
  const statuses = useTranslations('status');
  const format = useFormatter();
  const [state, action, pending] = useActionState(
    record ? updateEvidenceAction : createEvidenceAction,
    initialFormState,
  );
  const submitted = state.status === 'error' ? state.values : undefined;
  const value = (name: string, fallback = '') => {
    const submittedValue = submitted?.[name];
    return typeof submittedValue === 'string' ? submittedValue : fallback;
  };
  const initialSources = initial.sources?.length ? initial.sources : [{ type: 'GOVERNMENT_REPORT' }];
  const [sourceRows, setSourceRows] = useState(Math.max(initialSources.length, countSubmittedSources(submitted)));
  const errors = state.fieldErrors ?? {};
  const conflict = errors._conflict?.[0];

  return (
    <form action={action} className="evidence-form" noValidate key={formKey(state)}>
      {record && (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={record.version} />
        </>
      )}
      <div className="form-row">
        <Field name="actorCode" label={t('actor')} hint={t('actorHint')} errors={errors.actorCode}>
          {(props) => (
            <input
              {...props}
              list="actor-options"
              required
              autoComplete="off"
              defaultValue={value('actorCode', initial.actorCode)}
            />
          )}
        </Field>
        <Field name="commitmentCode" label={t('commitment')} hint={t('commitmentHint')} errors={errors.commitmentCode}>
          {(props) => (
            <input
              {...props}
              list="commitment-options"
              required
              autoComplete="off"
              defaultValue={value('commitmentCode', initial.commitmentCode)}
            />
          )}
        </Field>
      </div>
      <datalist id="actor-options">
        {options.actors.map((actor) => (
          <option key={actor.code} value={actor.code} label={actor.label} />
        ))}
      </datalist>
      <datalist id="commitment-options">
        {options.commitments.map((commitment) => (
          <option key={commitment.code} value={commitment.code} label={commitment.label} />
        ))}
      </datalist>

      <div className="form-row">
        <Field name="observedOn" label={t('observedOn')} errors={errors.observedOn}>
          {(props) => (
            <input
              {...props}
              type="date"
              required
              min="1945-01-01"
              max={today()}
              defaultValue={value('observedOn', initial.observedOn)}
            />
          )}
        </Field>
        <Field name="status" label={t('status')} errors={errors.status}>
          {(props) => (
            <select {...props} required defaultValue={value('status', initial.status ?? '')}>
              <option value="">{t('choose')}</option>
              {IMPLEMENTATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statuses(`implementation.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="score" label={t('score')} hint={t('scoreHint')} errors={errors.score}>
          {(props) => (
            <select {...props} defaultValue={value('score', initial.score ?? '')}>
              <option value="">{t('noScore')}</option>
              <option value="1">+1 · {t('scores.1')}</option>
              <option value="0">0 · {t('scores.0')}</option>
              <option value="-1">−1 · {t('scores.-1')}</option>
            </select>
          )}
        </Field>
        <Field name="visibility" label={t('visibility')} errors={errors.visibility}>
          {(props) => (
            <select {...props} defaultValue={value('visibility', initial.visibility ?? 'INTERNAL')}>
              <option value="INTERNAL">{t('visibilities.INTERNAL')}</option>
              <option value="PUBLIC">{t('visibilities.PUBLIC')}</option>
            </select>
          )}
        </Field>
      </div>

      <div className="form-row">
        <Field name="summaryEn" label={t('summaryEn')} hint={t('summaryHint')} errors={errors.summaryEn}>
          {(props) => (
            <textarea
              {...props}
              lang="en"
              rows={4}
              maxLength={5000}
              defaultValue={value('summaryEn', initial.summaryEn)}
            />
          )}
        </Field>
        <Field name="summaryZh" label={t('summaryZh')} errors={errors.summaryZh}>
          {(props) => (
            <textarea
              {...props}
              lang="zh-Hans"
              rows={4}
              maxLength={5000}
              defaultValue={value('summaryZh', initial.summaryZh)}
            />
          )}
        </Field>
      </div>
      <Field name="tags" label={t('tags')} hint={t('tagsHint')} errors={errors.tags}>
        {(props) => <input {...props} type="text" maxLength={900} defaultValue={value('tags', initial.tags)} />}
      </Field>

      <fieldset className="sources">
        <legend>{t('sources')}</legend>
        {errors.sources && (
          <p className="field__errors" role="alert">
            {t('sourceRequired')}
          </p>
        )}
        {Array.from({ length: sourceRows }, (_, index) => {
          const source = initialSources[index];
          const name = (field: string) => `sources.${index}.${field}`;
          return (
            <fieldset className="source" key={index}>
              <legend>{t('sourceNumber', { number: index + 1 })}</legend>
              <div className="form-row">
                <Field name={name('type')} label={t('sourceType')} errors={errors[name('type')]}>
                  {(props) => (
                    <select {...props} defaultValue={value(name('type'), source?.type ?? 'GOVERNMENT_REPORT')}>
                      {SOURCE_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`sourceTypes.${type}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field name={name('url')} label={t('sourceUrl')} errors={errors[name('url')]}>
                  {(props) => (
                    <input
                      {...props}
                      type="url"
                      inputMode="url"
                      maxLength={2000}
                      defaultValue={value(name('url'), source?.url)}
                    />
                  )}
                </Field>
                <Field name={name('reference')} label={t('sourceReference')} errors={errors[name('reference')]}>
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      maxLength={500}
                      defaultValue={value(name('reference'), source?.reference)}
                    />
                  )}
                </Field>
              </div>
              <div className="form-row">
                <Field name={name('title')} label={t('sourceTitle')} errors={errors[name('title')]}>
                  {(props) => (
                    <input {...props} type="text" maxLength={500} defaultValue={value(name('title'), source?.title)} />
                  )}
                </Field>
                <Field name={name('publishedOn')} label={t('sourcePublishedOn')} errors={errors[name('publishedOn')]}>
                  {(props) => (
                    <input
                      {...props}
                      type="date"
                      max={today()}
                      defaultValue={value(name('publishedOn'), source?.publishedOn)}
                    />
                  )}
                </Field>
              </div>
            </fieldset>
          );
        })}
        {sourceRows < MAX_SOURCES && (
          <button type="button" className="button button--quiet" onClick={() => setSourceRows((rows) => rows + 1)}>
            {t('addSource')}
          </button>
        )}
      </fieldset>

      <fieldset className="sources">
        <legend>{t('attachments')}</legend>
        {record?.attachments.map((attachment) => (
          <label key={attachment.id} className="checkbox">
            <input type="checkbox" name="removeAttachmentIds" value={attachment.id} />{' '}
            {t('removeAttachment', { name: attachment.fileName })}
          </label>
        ))}
        <Field
          name="attachments"
          label={t('addAttachments')}
          hint={t('attachmentsHint', { mb: format.number(maxAttachmentMb) })}
          errors={errors.attachments}
        >
          {(props) => (
            <input
              {...props}
              type="file"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv,.md"
            />
          )}
        </Field>
      </fieldset>

      {conflict && <ConflictNotice conflict={conflict} />}
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" name="intent" value="draft" className="button button--quiet" disabled={pending}>
          {pending ? t('saving') : t('saveDraft')}
        </button>
        <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
          {pending ? t('saving') : t('submitForReview')}
        </button>
      </div>
    </form>
  );
}

function countSubmittedSources(values?: Record<string, string | string[]>): number {
  const indexes = Object.keys(values ?? {})
    .map((key) => /^sources\.(\d+)\./.exec(key)?.[1])
    .filter(Boolean)
    .map(Number);
  return indexes.length ? Math.max(...indexes) + 1 : 0;
}

/** Says who saved the newer version and when, so that nothing is overwritten blindly. */
function ConflictNotice({ conflict }: { conflict: string }) {
  const t = useTranslations('evidence');
  const format = useFormatter();
  const [by = '?', at = '', stateName = '', version = ''] = conflict.replace(/^changedBy:/, '').split('|');
  return (
    <div className="notice" role="alert">
      <p>
        {t('conflict', {
          by,
          at: at ? format.dateTime(new Date(at), { dateStyle: 'medium', timeStyle: 'medium' }) : '?',
          // The state comes as its code ("SUBMITTED"); the reader gets its word.
          state: t.has(`states.${stateName}`) ? t(`states.${stateName}` as 'states.DRAFT') : stateName,
          version,
        })}
      </p>
    </div>
  );
}
