import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/admin/UserForms';
import { listUsers } from '@/lib/data/users';
import type { Locale } from '@/lib/i18n/config';
import { TableScroll } from '@/components/TableScroll';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: t('usersTitle') };
}

export default async function UsersPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const users = await listUsers();
  const [t, roles, format] = await Promise.all([getTranslations('admin'), getTranslations('roles'), getFormatter()]);
  return (
    <>
      <h1>{t('usersTitle')}</h1>
      <DownloadCsv path="/api/export/table/users" params={{ locale }} />
      <TableScroll label={t('usersCaption', { count: users.length })}>
        <table>
          <caption className="muted">{t('usersCaption', { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('countryScope')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('lastSignIn')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link href={`/admin/users/${user.id}`}>{user.email}</Link>
                </td>
                <td>{user.name}</td>
                <td>{roles(user.role)}</td>
                <td>{user.countryScope.length > 0 ? user.countryScope.join(', ') : t('allCountries')}</td>
                <td>
                  {user.disabled ? t('disabled') : t('active')}
                  {user.mustChangePassword && !user.disabled ? ` · ${t('mustChangePassword')}` : ''}
                </td>
                <td>{user.lastSignInAt ? format.dateTime(user.lastSignInAt, 'dayTime') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>{t('createUser')}</h2>
      <CreateUserForm />
    </>
  );
}
