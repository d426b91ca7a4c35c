'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { updateCommitmentAction } from '@/lib/actions/commitments';
import { formKey, initialFormState } from '@/lib/actions/form-state';
import { STRENGTHS } from '@/lib/vocabulary';

interface Props {
  commitment: {
    code: string;
    version: number;
    titles: Record<string, string>;
    summaries: Record<string, string>;
    guidances: Record<string, string>;
    theme: string;
    strength: string;
  };
  themes: { code: string; name: string }[];
  strengthLabels: Record<string, string>;
}

/** For admins: correct the titles, summaries, guidance, theme and wording strength of a commitment. */
export function CommitmentForm({ commitment, themes, strengthLabels }: Props) {
  const t = useTranslations('commitmentAdmin');
  const [state, action] = useActionState(updateCommitmentAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: string) => {
    const submitted = state.status === 'error' ? state.values?.[name] : undefined;
    return typeof submitted === 'string' ? submitted : fallback;
  };
  const text = (name: string, label: string, fallback: string, lang: string, rows = 1) => (
    <Field name={name} label={label} errors={errors[name]} idPrefix="commitment">
      {(props) =>
        rows > 1 ? (
          <textarea {...props} lang={lang} rows={rows} maxLength={2000} defaultValue={value(name, fallback)} />
        ) : (
          <input {...props} lang={lang} type="text" maxLength={200} defaultValue={value(name, fallback)} />
        )
      }
    </Field>
  );
  return (
    <form action={action} className="evidence-form" noValidate key={formKey(state)}>
      <input type="hidden" name="code" value={commitment.code} />
      <input type="hidden" name="version" value={commitment.version} />
      <div className="form-row">
        {text('titleEn', t('titleEn'), commitment.titles.en ?? '', 'en')}
        {text('titleZh', t('titleZh'), commitment.titles.zh ?? '', 'zh-Hans')}
      </div>
      <div className="form-row">
        {text('summaryEn', t('summaryEn'), commitment.summaries.en ?? '', 'en', 3)}
        {text('summaryZh', t('summaryZh'), commitment.summaries.zh ?? '', 'zh-Hans', 3)}
      </div>
      <div className="form-row">
        {text('guidanceEn', t('guidanceEn'), commitment.guidances.en ?? '', 'en', 3)}
        {text('guidanceZh', t('guidanceZh'), commitment.guidances.zh ?? '', 'zh-Hans', 3)}
      </div>
      <div className="form-row">
        <Field name="theme" label={t('theme')} errors={errors.theme} idPrefix="commitment">
          {(props) => (
            <select {...props} defaultValue={value('theme', commitment.theme)}>
              {themes.map((theme) => (
                <option key={theme.code} value={theme.code}>
                  {theme.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="strength" label={t('strength')} errors={errors.strength} idPrefix="commitment">
          {(props) => (
            <select {...props} defaultValue={value('strength', commitment.strength)}>
              {STRENGTHS.map((strength) => (
                <option key={strength} value={strength}>
                  {strengthLabels[strength]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}
