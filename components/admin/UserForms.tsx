'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { ConfirmSubmit, FormMessage, OneTimePassword, SubmitButton } from '@/components/forms/FormStatus';
import { formKey, initialFormState, type FormState } from '@/lib/actions/form-state';
import {
  createUserAction,
  resetUserPasswordAction,
  setPublicViewAction,
  setUserDisabledAction,
  updateUserAction,
} from '@/lib/actions/users';
import { ROLES } from '@/lib/vocabulary';

const text = (state: FormState, name: string, fallback = '') => {
  const value = state.status === 'error' ? state.values?.[name] : undefined;
  return typeof value === 'string' ? value : fallback;
};

function RoleSelect({ props, defaultValue }: { props: object; defaultValue: string }) {
  const roles = useTranslations('roles');
  return (
    <select {...props} defaultValue={defaultValue}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {roles(role)}
        </option>
      ))}
    </select>
  );
}

export function CreateUserForm() {
  const t = useTranslations('admin');
  const [state, action] = useActionState(createUserAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate key={formKey(state)}>
      <div className="form-row">
        <Field name="email" label={t('email')} errors={errors.email}>
          {(props) => <input {...props} type="email" required maxLength={254} defaultValue={text(state, 'email')} />}
        </Field>
        <Field name="name" label={t('name')} errors={errors.name}>
          {(props) => <input {...props} type="text" required maxLength={120} defaultValue={text(state, 'name')} />}
        </Field>
        <Field name="role" label={t('role')} errors={errors.role}>
          {(props) => <RoleSelect props={props} defaultValue={text(state, 'role', 'VIEWER')} />}
        </Field>
      </div>
      <Field name="countryCodes" label={t('countryScope')} hint={t('countryScopeHint')} errors={errors.countryCodes}>
        {(props) => <input {...props} type="text" maxLength={1000} defaultValue={text(state, 'countryCodes')} />}
      </Field>
      <Field name="password" label={t('initialPassword')} hint={t('initialPasswordHint')} errors={errors.password}>
        {(props) => <input {...props} type="password" autoComplete="new-password" maxLength={1024} />}
      </Field>
      <FormMessage state={state} />
      <OneTimePassword value={state.oneTimePassword} />
      <SubmitButton pendingLabel={t('saving')}>{t('create')}</SubmitButton>
    </form>
  );
}

interface EditableUser {
  id: number;
  version: number;
  name: string;
  role: string;
  countryScope: string[];
  disabled: boolean;
}

export function EditUserForm({ user }: { user: EditableUser }) {
  const t = useTranslations('admin');
  const [state, action] = useActionState(updateUserAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate key={formKey(state)}>
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="form-row">
        <Field name="name" label={t('name')} errors={errors.name}>
          {(props) => (
            <input {...props} type="text" required maxLength={120} defaultValue={text(state, 'name', user.name)} />
          )}
        </Field>
        <Field name="role" label={t('role')} errors={errors.role}>
          {(props) => <RoleSelect props={props} defaultValue={text(state, 'role', user.role)} />}
        </Field>
      </div>
      <Field name="countryCodes" label={t('countryScope')} hint={t('countryScopeHint')} errors={errors.countryCodes}>
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={1000}
            defaultValue={text(state, 'countryCodes', user.countryScope.join(', '))}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}

export function DisableUserForm({ user }: { user: EditableUser }) {
  const t = useTranslations('admin');
  const [state, action] = useActionState(setUserDisabledAction, initialFormState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
      <FormMessage state={state} />
      {user.disabled ? (
        <SubmitButton pendingLabel={t('saving')} className="button button--quiet">
          {t('enable')}
        </SubmitButton>
      ) : (
        <ConfirmSubmit
          className="button button--quiet"
          question={t('confirmDisable')}
          confirmLabel={t('confirmDisableYes')}
          cancelLabel={t('confirmCancel')}
          pendingLabel={t('saving')}
        >
          {t('disable')}
        </ConfirmSubmit>
      )}
    </form>
  );
}

export function ResetPasswordForm({ user }: { user: EditableUser }) {
  const t = useTranslations('admin');
  const [state, action] = useActionState(resetUserPasswordAction, initialFormState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <FormMessage state={state} />
      <OneTimePassword value={state.oneTimePassword} />
      <ConfirmSubmit
        className="button button--quiet"
        question={t('confirmReset')}
        confirmLabel={t('confirmResetYes')}
        cancelLabel={t('confirmCancel')}
        pendingLabel={t('saving')}
      >
        {t('resetPassword')}
      </ConfirmSubmit>
    </form>
  );
}

export function PublicViewForm({ enabled }: { enabled: boolean }) {
  const t = useTranslations('admin');
  const [state, action] = useActionState(setPublicViewAction, initialFormState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
      <p>{enabled ? t('publicViewIsOn') : t('publicViewIsOff')}</p>
      <FormMessage state={state} />
      {enabled ? (
        <ConfirmSubmit
          question={t('confirmPublicViewOff')}
          confirmLabel={t('confirmPublicViewOffYes')}
          cancelLabel={t('confirmCancel')}
          pendingLabel={t('saving')}
        >
          {t('turnPublicViewOff')}
        </ConfirmSubmit>
      ) : (
        <SubmitButton pendingLabel={t('saving')}>{t('turnPublicViewOn')}</SubmitButton>
      )}
    </form>
  );
}
