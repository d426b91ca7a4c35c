import type { Failure, StaleSave } from '@/lib/operations/define';

/** What every form's server action returns to the form (see lib/actions/run.ts). */
export interface FormState {
  status: 'idle' | 'ok' | 'error';
  /** A key of the "outcomes" namespace of messages/<locale>.json. */
  message?: string;
  /** Field name → keys of the "validation" namespace. */
  fieldErrors?: Record<string, string[]>;
  /** A stale save: what the row is now, which FormMessage shows beside the message (StaleSaveNotice). */
  staleSave?: StaleSave;
  /** The submitted values to put back into the form after an error; never passwords. */
  values?: Record<string, string | string[]>;
  /** Shown once after creating a user or resetting a password. */
  oneTimePassword?: string;
  /** Shown once after creating an API token. */
  apiTokenSecret?: string;
  /** Shown once after enrolling a second factor or asking for new recovery codes. */
  recoveryCodes?: string[];
}

export const initialFormState: FormState = { status: 'idle' };

/**
 * An operation's failure as the form's answer: its message key, field errors and, for a stale save, what the row
 * is now; `values` are the submitted values to put back (secrets already removed by the caller).
 */
export function failureFormState(failure: Failure, values?: Record<string, string | string[]>): FormState {
  return {
    status: 'error',
    message: failure.message,
    ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}),
    ...(failure.staleSave ? { staleSave: failure.staleSave } : {}),
    ...(values ? { values } : {}),
  };
}

/**
 * A key for the <form> element that changes with every answer carrying submitted values. React resets a form
 * after its action runs, and a <select> ignores a changed defaultValue once mounted: remounting with the key
 * puts every submitted value back after an error.
 */
export function formKey(state: FormState): string {
  return state.values ? JSON.stringify(state.values) : 'initial';
}
