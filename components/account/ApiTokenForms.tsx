'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { createApiTokenAction, revokeApiTokenAction } from '@/lib/actions/api-tokens';
import { formKey, initialFormState } from '@/lib/actions/form-state';
import { API_TOKEN_LIFETIMES } from '@/lib/validation/api-tokens';

/** Labels from the "apiTokens" namespace, passed by the server component that renders the forms. */
export interface ApiTokenLabels {
  name: string;
  scope: string;
  expiresIn: string;
  create: string;
  revoke: string;
  saving: string;
  secretOnce: string;
  scopes: { READ: string; READ_WRITE: string };
  days: Record<number, string>;
}

export function CreateApiTokenForm({ labels, userId }: { labels: ApiTokenLabels; userId?: number }) {
  const [state, action] = useActionState(createApiTokenAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="stack" noValidate key={formKey(state)}>
      {userId !== undefined && <input type="hidden" name="userId" value={userId} />}
      <Field name="name" idPrefix="token" label={labels.name} errors={errors.name}>
        {(props) => <input {...props} required maxLength={100} defaultValue={String(values.name ?? '')} />}
      </Field>
      <Field name="scope" idPrefix="token" label={labels.scope} errors={errors.scope}>
        {(props) => (
          <select {...props} defaultValue={String(values.scope ?? 'READ')}>
            <option value="READ">{labels.scopes.READ}</option>
            <option value="READ_WRITE">{labels.scopes.READ_WRITE}</option>
          </select>
        )}
      </Field>
      <Field name="expiresInDays" idPrefix="token" label={labels.expiresIn} errors={errors.expiresInDays}>
        {(props) => (
          <select {...props} defaultValue={String(values.expiresInDays ?? '90')}>
            {API_TOKEN_LIFETIMES.map((days) => (
              <option key={days} value={days}>
                {labels.days[days]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormMessage state={state} />
      {state.apiTokenSecret && (
        <div className="one-time-password" role="status">
          <p>{labels.secretOnce}</p>
          <code data-testid="api-token-secret">{state.apiTokenSecret}</code>
        </div>
      )}
      <SubmitButton pendingLabel={labels.saving}>{labels.create}</SubmitButton>
    </form>
  );
}

export function RevokeApiTokenForm({ id, labels }: { id: number; labels: Pick<ApiTokenLabels, 'revoke' | 'saving'> }) {
  const [state, action] = useActionState(revokeApiTokenAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingLabel={labels.saving} className="button button--quiet">
        {labels.revoke}
      </SubmitButton>
      {state.status === 'error' && <FormMessage state={state} />}
    </form>
  );
}
