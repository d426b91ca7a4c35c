'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { Field, useValidationMessage } from '@/components/forms/Field';
import { FormMessage } from '@/components/forms/FormStatus';
import { createEvidenceAction, updateEvidenceAction } from '@/lib/actions/evidence';
import { formKey, initialFormState } from '@/lib/actions/form-state';
import { formSourceRows, MAX_SOURCES } from '@/lib/validation/evidence';
import { latestDateOnEarth } from '@/lib/dates';
import { IMPLEMENTATION_STATUSES, SOURCE_TYPES } from '@/lib/vocabulary';

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

/** Attachments per save (the operation's limit). */
const MAX_FILES = 5;
type SourceValues = NonNullable<EvidenceFormValues['sources']>[number];

/**
 * The entry and edit form: every field keyboard-usable, errors beside their fields, nothing lost on an error —
 * nor when the session has ended (the values come back with the answer and the form links to sign-in), nor by
 * switching language unwarned (the form marks itself `data-unsaved` once edited; the language switcher asks).
 * Source rows can be removed, and chosen files are kept in a list of their own, each removable, so that a refused
 * file (empty, too large) is named and the others stay chosen, also across a failed save.
 */
export function EvidenceForm({ options, initial, record, maxAttachmentMb }: Props) {
  const t = useTranslations('evidence');
  const statuses = useTranslations('status');
  const format = useFormatter();
  const message = useValidationMessage();
  const [state, action, pending] = useActionState(
    record ? updateEvidenceAction : createEvidenceAction,
    initialFormState,
  );
  const submitted = state.status === 'error' ? state.values : undefined;
  const value = (name: string, fallback = '') => {
    const submittedValue = submitted?.[name];
    return typeof submittedValue === 'string' ? submittedValue : fallback;
  };
  // Each row keeps its number ("sources.<key>.url") and first values, so that removing one leaves the others as
  // typed; the server reads the rows in the order of their numbers and names errors by position among the
  // non-empty ones (formSourceRows), which `sourceErrors` maps back.
  const [sourceRows, setSourceRows] = useState<{ key: number; initial?: SourceValues }[]>(() =>
    (initial.sources?.length ? initial.sources : [{ type: 'GOVERNMENT_REPORT' }]).map((source, key) => ({
      key,
      initial: source,
    })),
  );
  // Never reused, so that a new row cannot pick up the values a removed row was sent with.
  const nextSourceKey = useRef(sourceRows.length);
  const [unsaved, setUnsaved] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [refusedFiles, setRefusedFiles] = useState<{ name: string; reason: string }[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  // The file field holds exactly the listed files, also after the form is remounted with an answer.
  useEffect(() => {
    const input = fileInput.current;
    if (!input) return;
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
  }, [files, state]);
  const errors = state.fieldErrors ?? {};
  const sentRows = submitted ? formSourceRows(submitted).map(({ row }) => row) : [];
  const sourceErrors = (key: number, field: string) => {
    const position = sentRows.indexOf(key);
    return position >= 0 ? errors[`sources.${position}.${field}`] : undefined;
  };

  function chooseFiles(chosen: FileList | null) {
    const accepted: File[] = [];
    const refused: { name: string; reason: string }[] = [];
    for (const file of Array.from(chosen ?? [])) {
      if (file.size === 0) refused.push({ name: file.name, reason: 'fileEmpty' });
      else if (file.size > maxAttachmentMb * 1024 * 1024) {
        refused.push({ name: file.name, reason: `fileTooLarge:${maxAttachmentMb}` });
      } else if (files.length + accepted.length >= MAX_FILES) {
        refused.push({ name: file.name, reason: 'tooManyAttachments' });
      } else accepted.push(file);
    }
    setRefusedFiles(refused);
    setFiles([...files, ...accepted]);
  }

  return (
    <form
      action={action}
      className="evidence-form"
      noValidate
      key={formKey(state)}
      data-unsaved={unsaved ? 'true' : undefined}
      onInput={() => setUnsaved(true)}
    >
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
              min="1945-01-01"
              max={latestDateOnEarth()}
              defaultValue={value('observedOn', initial.observedOn)}
            />
          )}
        </Field>
        <Field name="status" label={t('status')} errors={errors.status}>
          {(props) => (
            <select {...props} defaultValue={value('status', initial.status ?? '')}>
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
        {sourceRows.map((row, index) => {
          const source = row.initial;
          const name = (field: string) => `sources.${row.key}.${field}`;
          return (
            <fieldset className="source" key={row.key}>
              <legend>{t('sourceNumber', { number: index + 1 })}</legend>
              <div className="form-row">
                <Field name={name('type')} label={t('sourceType')} errors={sourceErrors(row.key, 'type')}>
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
                <Field name={name('url')} label={t('sourceUrl')} errors={sourceErrors(row.key, 'url')}>
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
                <Field
                  name={name('reference')}
                  label={t('sourceReference')}
                  errors={sourceErrors(row.key, 'reference')}
                >
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
                <Field name={name('title')} label={t('sourceTitle')} errors={sourceErrors(row.key, 'title')}>
                  {(props) => (
                    <input {...props} type="text" maxLength={500} defaultValue={value(name('title'), source?.title)} />
                  )}
                </Field>
                <Field
                  name={name('publishedOn')}
                  label={t('sourcePublishedOn')}
                  errors={sourceErrors(row.key, 'publishedOn')}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="date"
                      max={latestDateOnEarth()}
                      defaultValue={value(name('publishedOn'), source?.publishedOn)}
                    />
                  )}
                </Field>
              </div>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setSourceRows((rows) => rows.filter((candidate) => candidate.key !== row.key));
                  setUnsaved(true);
                }}
              >
                {t('removeSource', { number: index + 1 })}
              </button>
            </fieldset>
          );
        })}
        {sourceRows.length < MAX_SOURCES && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setSourceRows((rows) => [...rows, { key: nextSourceKey.current++ }])}
          >
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
          hint={t('attachmentsHint', { mb: maxAttachmentMb })}
          errors={errors.attachments}
        >
          {(props) => (
            <input
              {...props}
              // Without a chosen file the field sends nothing (a browser would send an empty, nameless part).
              name={files.length > 0 ? props.name : undefined}
              ref={fileInput}
              type="file"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv,.md"
              onChange={(event) => chooseFiles(event.currentTarget.files)}
            />
          )}
        </Field>
        {refusedFiles.length > 0 && (
          <ul className="field__errors" role="alert">
            {refusedFiles.map((refused, index) => (
              <li key={index}>{t('fileRefused', { name: refused.name, reason: message(refused.reason) })}</li>
            ))}
          </ul>
        )}
        {files.length > 0 && (
          <div className="chosen-files">
            <p id="chosen-files">{t('chosenFiles')}</p>
            <ul aria-labelledby="chosen-files">
              {files.map((file, index) => (
                <li key={`${index}-${file.name}-${file.size}`}>
                  {file.name}{' '}
                  <span className="muted">
                    ({format.number(file.size / 1024, { maximumFractionDigits: file.size < 10_240 ? 1 : 0 })} KB)
                  </span>{' '}
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setFiles(files.filter((_, other) => other !== index))}
                  >
                    {t('removeChosenFile', { name: file.name })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

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
