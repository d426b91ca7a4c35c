import 'server-only';
import { headers } from 'next/headers';
import { acceptFormData } from '@/lib/actions/arguments';
import { failureFormState, type FormState } from '@/lib/actions/form-state';
import { getSessionUser } from '@/lib/auth/session';
import { requestPrisma } from '@/lib/data/request-db';
import { getRequestId } from '@/lib/http/request-id';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import type { Operation } from '@/lib/operations/define';

/** FormData to a plain object; a field sent several times (a multi-select) becomes an array. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return values;
}

const SECRET_FIELD = /password/i;

/** The submitted values a form may put back: all but secrets. */
function keptValues(values: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)));
}

/**
 * Runs an operation for a form: refuses a call whose argument is no FormData (see lib/actions/arguments.ts) and
 * cross-site posts, and turns the outcome into form state. A post without a live session (it ended, or was
 * signed out in another tab) is answered with `sessionEnded` and the submitted values, never a redirect, so that
 * the form keeps what was typed while its user signs in again elsewhere (FormMessage links to sign-in in a new
 * tab) and then saves. The operation itself authorizes, validates, writes and audits.
 */
export async function runFormAction<Output>(
  operation: Operation<unknown, Output>,
  formData: FormData,
  /** May also redirect (it runs outside any try, so Next's redirect signal passes through). */
  onSuccess: (value: Output) => FormState | Promise<FormState> = () => ({ status: 'ok', message: 'saved' }),
  /** Shapes the input when the form is more than flat text fields (nested rows, files). */
  toInput: (values: Record<string, string | string[]>, formData: FormData) => unknown | Promise<unknown> = (values) =>
    values,
): Promise<FormState> {
  acceptFormData(formData);
  if (!isSameOriginRequest(await headers())) return { status: 'error', message: 'crossSite' };
  // Pending second factors are refused by the operation wrapper, which lets the enrolment itself through.
  const user = await getSessionUser();
  const values = formValues(formData);
  if (!user) return { status: 'error', message: 'sessionEnded', values: keptValues(values) };
  const outcome = await operation.run(
    { user, requestId: await getRequestId(), prisma: await requestPrisma() },
    await toInput(values, formData),
  );
  if (outcome.ok) return onSuccess(outcome.value);
  return failureFormState(outcome, keptValues(values));
}
