'use client';

import { useTranslations } from 'next-intl';

/** Keys whose detail ends in "|" and another key, translated as `reason`. */
const WITH_REASON = new Set(['attachmentRefused']);

/**
 * Translates a validation key, with an optional detail after a colon ("unknownCountries:XXX"). For the keys of
 * WITH_REASON the detail ends in "|" and another key, translated as `reason` ("attachmentRefused:empty.pdf|
 * fileEmpty": the file's name and why it was refused).
 */
export function useValidationMessage() {
  const t = useTranslations('validation');
  const message = (key: string): string => {
    const [name = key, detail = ''] = key.split(/:(.*)/s, 2);
    const bar = WITH_REASON.has(name) ? detail.lastIndexOf('|') : -1;
    const values =
      bar >= 0 ? { detail: detail.slice(0, bar), reason: message(detail.slice(bar + 1)) } : { detail, reason: '' };
    return t.has(name) ? t(name, values) : key;
  };
  return message;
}

interface FieldProps {
  name: string;
  /** Makes ids unique when a page holds several forms with the same fields (one per row of a table). */
  idPrefix?: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => React.ReactNode;
}

/** A labelled form control with its hint and field-level errors, wired for screen readers. */
export function Field({ name, idPrefix = 'field', label, errors, hint, children }: FieldProps) {
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
