'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useActionState } from 'react';
import { useValidationMessage } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { updateRatificationAction } from '@/lib/actions/ratification';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { RATIFICATION_STATUSES } from '@/lib/status/constants';

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

/**
 * Like components/forms/Field, but with ids unique per instrument: the country page holds one form per
 * instrument, and every control needs its own id for its label, hint and errors.
 */
function InstrumentField({
  idPrefix,
  name,
  label,
  hint,
  errors,
  children,
}: {
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => React.ReactNode;
}) {
  const message = useValidationMessage();
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {children({ id, name, 'aria-invalid': Boolean(errorId), 'aria-describedby': describedBy })}
      {errorId && (
        <ul className="field__errors" id={errorId}>
          {errors!.map((error) => (
            <li key={error}>{message(error)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

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
          <InstrumentField idPrefix={idPrefix} name="status" label={t('statusLabel')} errors={errors.status}>
            {(field) => (
              <select {...field} defaultValue={text(state, 'status', props.status ?? 'NOT_PARTY')}>
                {RATIFICATION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`statuses.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </InstrumentField>
          <InstrumentField
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
          </InstrumentField>
          <InstrumentField
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
          </InstrumentField>
          <InstrumentField
            idPrefix={idPrefix}
            name="note"
            label={t('noteLabel')}
            hint={t('noteHint')}
            errors={errors.note}
          >
            {(field) => (
              <textarea {...field} rows={3} maxLength={2000} defaultValue={text(state, 'note', props.note)} />
            )}
          </InstrumentField>
          <InstrumentField
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
          </InstrumentField>
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
