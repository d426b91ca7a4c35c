'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useActionState } from 'react';
import { Field, useValidationMessage } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { updateRatificationAction } from '@/lib/actions/ratification';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { RATIFICATION_STATUSES } from '@/lib/vocabulary';

export interface RatificationFormProps {
  actorCode: string;
  instrumentCode: string;
  instrumentName: string;
  /** 0 when nothing is recorded yet. */
  version: number;
  status: string | null;
  signedOn: string | null;
  consentedOn: string | null;
  note: string | null;
  sourceUrl: string | null;
  /** Bounds for the date pickers; the server checks them again. */
  minDate: string;
  maxDate: string;
}

const text = (state: FormState, name: string, fallback: string | null) => {
  const value = state.status === 'error' ? state.values?.[name] : undefined;
  return typeof value === 'string' ? value : (fallback ?? '');
};

/** The edit control of one row of the ratification table: a disclosure holding the form. */
export function RatificationForm(props: RatificationFormProps) {
  const t = useTranslations('ratification');
  const [state, action] = useActionState(updateRatificationAction, initialFormState);
  const message = useValidationMessage();
  const errors = state.fieldErrors ?? {};
  // Errors of the hidden fields (a malformed code) have no control to sit beside; they are shown together.
  const hiddenErrors = [...(errors.actorCode ?? []), ...(errors.instrumentCode ?? []), ...(errors.version ?? [])];
  const idPrefix = `ratification-${props.instrumentCode}`;
  // React resets a form after its action; remounting the controls makes that reset land on the right values
  // (what was submitted after an error, the saved row after a success), selects included.
  const fieldsKey = `${state.status}:${props.version}:${JSON.stringify(state.values ?? null)}`;
  return (
    <details className="ratification-edit">
      <summary>
        {t('edit')}
        <span className="visually-hidden">: {props.instrumentName}</span>
      </summary>
      <form
        action={action}
        className="stack ratification-form"
        noValidate
        aria-label={t('editOf', { instrument: props.instrumentName })}
      >
        <input type="hidden" name="actorCode" value={props.actorCode} />
        <input type="hidden" name="instrumentCode" value={props.instrumentCode} />
        <input type="hidden" name="version" value={props.version} />
        <Fragment key={fieldsKey}>
          <Field idPrefix={idPrefix} name="status" label={t('statusLabel')} errors={errors.status}>
            {(field) => (
              <select {...field} defaultValue={text(state, 'status', props.status ?? 'NOT_PARTY')}>
                {RATIFICATION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`statuses.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            idPrefix={idPrefix}
            name="signedOn"
            label={t('signedOnLabel')}
            hint={t('signedOnHint')}
            errors={errors.signedOn}
          >
            {(field) => (
              <input
                {...field}
                type="date"
                min={props.minDate}
                max={props.maxDate}
                defaultValue={text(state, 'signedOn', props.signedOn)}
              />
            )}
          </Field>
          <Field
            idPrefix={idPrefix}
            name="consentedOn"
            label={t('consentedOnLabel')}
            hint={t('consentedOnHint')}
            errors={errors.consentedOn}
          >
            {(field) => (
              <input
                {...field}
                type="date"
                min={props.minDate}
                max={props.maxDate}
                defaultValue={text(state, 'consentedOn', props.consentedOn)}
              />
            )}
          </Field>
          <Field idPrefix={idPrefix} name="note" label={t('noteLabel')} hint={t('noteHint')} errors={errors.note}>
            {(field) => (
              <textarea {...field} rows={3} maxLength={2000} defaultValue={text(state, 'note', props.note)} />
            )}
          </Field>
          <Field
            idPrefix={idPrefix}
            name="sourceUrl"
            label={t('sourceUrlLabel')}
            hint={t('sourceUrlHint')}
            errors={errors.sourceUrl}
          >
            {(field) => (
              <input
                {...field}
                type="url"
                inputMode="url"
                maxLength={2000}
                defaultValue={text(state, 'sourceUrl', props.sourceUrl)}
              />
            )}
          </Field>
        </Fragment>
        {hiddenErrors.length > 0 && (
          <ul className="field__errors">
            {hiddenErrors.map((error) => (
              <li key={error}>{message(error)}</li>
            ))}
          </ul>
        )}
        <FormMessage state={state} />
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </form>
    </details>
  );
}
