import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ApiTokens } from '@/components/account/ApiTokens';
import { ResetSecondFactorForm } from '@/components/account/TwoFactorForms';
import { DisableUserForm, EditUserForm, ResetPasswordForm } from '@/components/admin/UserForms';
import { DoneMessage } from '@/components/forms/DoneMessage';
import { listUserApiTokens } from '@/lib/data/api-tokens';
import { getUser } from '@/lib/data/users';
import type { Locale } from '@/lib/i18n/config';
import { parseId } from '@/lib/validation/primitives';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: t('editUser') };
}

export default async function UserPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  const { done } = await searchParams;
  setPageLocale(locale);
  const userId = parseId(id);
  const user = userId !== null ? await getUser(userId) : null;
  if (!user) notFound();
  const t = await getTranslations('admin');
  return (
    <>
      <p>
        <Link href="/admin/users">← {t('usersTitle')}</Link>
      </p>
      <h1>{user.email}</h1>
      <p className="muted">{user.disabled ? t('disabled') : t('active')}</p>
      <h2>{t('editUser')}</h2>
      <EditUserForm user={user} />
      <h2>{user.disabled ? t('enable') : t('disable')}</h2>
      <p className="muted">{user.disabled ? t('enableHint') : t('disableHint')}</p>
      <DisableUserForm user={user} />
      <h2>{t('resetPassword')}</h2>
      <p className="muted">{t('resetPasswordHint')}</p>
      <ResetPasswordForm user={user} />
      <h2>{t('secondFactor')}</h2>
      <p className="muted">{user.secondFactor ? t('secondFactorOnHint') : t('secondFactorOffHint')}</p>
      {/* Resetting removes its own form: its confirmation is the page's (lib/actions/done.ts). */}
      <DoneMessage done={done} allowed={['secondFactorReset']} />
      {user.secondFactor && <ResetSecondFactorForm label={t('resetSecondFactor')} userId={user.id} />}
      <ApiTokens locale={locale} tokens={await listUserApiTokens(user.id)} userId={user.id} />
    </>
  );
}
