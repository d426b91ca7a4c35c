import { getFormatter, getTranslations } from 'next-intl/server';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { CreateApiTokenForm, RevokeApiTokenForm, type ApiTokenLabels } from '@/components/account/ApiTokenForms';
import type { ApiTokenListItem } from '@/lib/data/api-tokens';
import type { Locale } from '@/lib/i18n/config';
import { Link } from '@/lib/i18n/navigation';
import { API_TOKEN_LIFETIMES } from '@/lib/validation/api-tokens';
import { TableScroll } from '@/components/TableScroll';

/**
 * A user's API tokens: the list (name, access, prefix, expiry, last use, revoked) with a revoke button per live
 * token, and the form that creates one and shows its secret once. On the account page for oneself; on the admin's
 * user page (with `userId`) for someone else.
 */
export async function ApiTokens({
  locale,
  tokens,
  userId,
}: {
  locale: Locale;
  tokens: ApiTokenListItem[];
  userId?: number;
}) {
  const t = await getTranslations({ locale, namespace: 'apiTokens' });
  const account = await getTranslations({ locale, namespace: 'account' });
  const format = await getFormatter({ locale });
  const labels: ApiTokenLabels = {
    name: t('name'),
    scope: t('scope'),
    expiresIn: t('expiresIn'),
    create: t('create'),
    revoke: t('revoke'),
    saving: account('saving'),
    secretOnce: t('secretOnce'),
    scopes: { READ: t('scopes.READ'), READ_WRITE: t('scopes.READ_WRITE') },
    days: Object.fromEntries(API_TOKEN_LIFETIMES.map((days) => [days, t('days', { count: days })])),
  };
  const now = new Date();
  return (
    <section aria-labelledby="api-tokens-heading" className="stack">
      <h2 id="api-tokens-heading">{t('title')}</h2>
      <p className="muted">
        {userId === undefined ? t('intro') : t('introAdmin')} <Link href="/api-docs">{t('docsLink')}</Link>
      </p>
      {/* One's own tokens, or (the admin's view) this user's: a table each, with the page's permission. */}
      {tokens.length > 0 && (
        <DownloadCsv
          path={userId === undefined ? '/api/export/table/api-tokens' : '/api/export/table/user-api-tokens'}
          params={{ locale, user: userId === undefined ? undefined : String(userId) }}
        />
      )}
      {tokens.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <TableScroll labelledBy="api-tokens-heading">
          <table className="api-tokens">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('scope')}</th>
                <th scope="col">{t('prefix')}</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('expires')}</th>
                <th scope="col">{t('lastUsed')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const live = !token.revokedAt && token.expiresAt > now;
                return (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>{t(`scopes.${token.scope}`)}</td>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>
                      {format.dateTime(token.createdAt, 'minute')}
                      {userId !== undefined && <span className="muted"> · {token.createdBy}</span>}
                    </td>
                    <td>{format.dateTime(token.expiresAt, 'minute')}</td>
                    <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt, 'minute') : t('never')}</td>
                    <td>
                      {token.revokedAt
                        ? t('revoked', { date: format.dateTime(token.revokedAt, 'minute') })
                        : live
                          ? t('active')
                          : t('expired')}
                    </td>
                    <td>{!token.revokedAt && <RevokeApiTokenForm id={token.id} labels={labels} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3>{t('create')}</h3>
      <CreateApiTokenForm labels={labels} userId={userId} />
    </section>
  );
}
