import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import {
  DisableSecondFactorForm,
  RegenerateCodesForm,
  RevokeOtherSessionsForm,
  RevokeSessionForm,
} from '@/components/account/TwoFactorForms';
import { DoneMessage } from '@/components/forms/DoneMessage';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { requireUser } from '@/lib/auth/guard';
import { readOwnSecurity } from '@/lib/data/security';
import type { Locale } from '@/lib/i18n/config';
import { TableScroll } from '@/components/TableScroll';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'security' });
  return { title: t('title') };
}

/** Each user's own security page: where they are signed in, their API tokens, and their second factor. */
export default async function SecurityPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { done } = await searchParams;
  setPageLocale(locale);
  const user = await requireUser();
  const [t, format] = await Promise.all([getTranslations('security'), getFormatter()]);
  const { sessions, secondFactor } = await readOwnSecurity();
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p className="muted">{t('signedInAs', { email: user.email })}</p>
      {/* Signing sessions out and turning the second factor off remove the form that did it (lib/actions/done.ts). */}
      <DoneMessage done={done} allowed={['sessionRevoked', 'otherSessionsRevoked', 'secondFactorDisabled']} />

      <section aria-labelledby="sessions-heading" className="stack">
        <h2 id="sessions-heading">{t('sessions')}</h2>
        <DownloadCsv path="/api/export/table/sessions" params={{ locale }} />
        <TableScroll labelledBy="sessions-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('device')}</th>
                <th scope="col">{t('address')}</th>
                <th scope="col">{t('signedIn')}</th>
                <th scope="col">{t('lastSeen')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('signOut')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.handle}>
                  <td>
                    {session.device}
                    {session.current && <strong> · {t('thisSession')}</strong>}
                  </td>
                  <td>{session.ip ?? '—'}</td>
                  <td>{format.dateTime(session.createdAt, 'minute')}</td>
                  <td>{format.dateTime(session.lastSeenAt, 'minute')}</td>
                  <td>{!session.current && <RevokeSessionForm label={t('signOut')} session={session.handle} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {sessions.length > 1 && <RevokeOtherSessionsForm label={t('signOutOthers')} />}
      </section>

      <section aria-labelledby="second-factor-heading" className="stack">
        <h2 id="second-factor-heading">{t('secondFactor')}</h2>
        {secondFactor.enrolled ? (
          <>
            <p>
              {t('secondFactorOn', { date: format.dateTime(secondFactor.enabledAt!, 'minute') })}{' '}
              {t('recoveryCodesLeft', { count: secondFactor.recoveryCodesLeft })}{' '}
              {t('rememberedDevices', { count: secondFactor.rememberedDevices })}
            </p>
            <p>
              <Link className="button button--quiet" href="/account/two-factor">
                {t('reenrol')}
              </Link>
            </p>
            <RegenerateCodesForm label={t('regenerate')} />
            {secondFactor.required ? (
              <p className="muted">{t('requiredForRole')}</p>
            ) : (
              <DisableSecondFactorForm label={t('disable')} />
            )}
          </>
        ) : (
          <>
            <p>{t('secondFactorOff')}</p>
            <p>
              <Link className="button" href="/account/two-factor">
                {t('enrol')}
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="tokens-heading" className="stack">
        <h2 id="tokens-heading">{t('tokens')}</h2>
        <p>
          <Link href="/account/password">{t('tokensLink')}</Link>
        </p>
        <DownloadCsv path="/api/export/table/api-tokens" params={{ locale }} label="tokensCsv" />
      </section>
    </div>
  );
}
