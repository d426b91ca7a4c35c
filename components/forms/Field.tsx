'use client';

import { useTranslations } from 'next-intl';

/** Translates a validation key, with an optional detail after a colon ("unknownCountries:XXX"). */
export function useValidationMessage() {
  const t = useTranslations('validation');
  return (key: string) => {
    const [name = key, detail] = key.split(/:(.*)/s, 2);
    return t.has(name) ? t(name, { detail: detail ?? '' }) : key;
  };
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
