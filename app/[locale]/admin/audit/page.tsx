import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAuditEvents } from '@/lib/data/audit';
import { auditActionWords, auditEntityWords, readableValue } from '@/lib/i18n/codes';
import type { Locale } from '@/lib/i18n/config';
import { auditFilterQuery, parseAuditFilter } from '@/lib/validation/audit';
import { TableScroll } from '@/components/TableScroll';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'audit' });
  return { title: t('title') };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const filter = parseAuditFilter(await searchParams);
  const log = await listAuditEvents(filter);
  const [t, all, format] = await Promise.all([getTranslations('audit'), getTranslations(), getFormatter()]);
  // Stored codes (states, statuses, visibility, source types, roles) are told in the reader's words.
  const label = (key: string) => all(key as never);
  const words = (value: unknown) => readableValue(value, label);
  const query = auditFilterQuery(filter);
  const wordsQuery = new URLSearchParams(query);
  wordsQuery.set('labels', 'words');
  wordsQuery.set('locale', locale);
  const pageHref = (page: number) => {
    const next = new URLSearchParams(query);
    next.set('page', String(page));
    return `/admin/audit?${next.toString()}`;
  };
  return (
    <>
      <h1>{t('title')}</h1>
      <form className="filters" method="get" role="search" aria-label={t('filters')}>
        <div className="field">
          <label htmlFor="audit-user">{t('user')}</label>
          <select id="audit-user" name="user" defaultValue={filter.user ?? ''}>
            <option value="">{t('any')}</option>
            {log.options.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity">{t('entity')}</label>
          <select id="audit-entity" name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">{t('any')}</option>
            {log.options.entities.map((entity) => (
              <option key={entity} value={entity}>
                {auditEntityWords(entity, null, label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('action')}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ''}>
            <option value="">{t('any')}</option>
            {log.options.actions.map((action) => (
              <option key={action} value={action}>
                {auditActionWords(action, label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('from')}</label>
          <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('to')}</label>
          <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ''} />
        </div>
        <button type="submit" className="button">
          {t('apply')}
        </button>
        {/* The people's file (words in the reader's language); the code file for integration beside it. */}
        <a className="button button--quiet" href={`/api/admin/audit/export?${wordsQuery.toString()}`} download>
          {t('exportCsv')}
        </a>
        <a href={`/api/admin/audit/export?${query.toString()}`} download>
          {t('exportCsvCodes')}
        </a>
      </form>
      <p className="result-count" role="status">
        {t('count', { count: log.total })}
      </p>
      <TableScroll label={t('caption')}>
        <table className="audit-table">
          <caption className="muted">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('user')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('entity')}</th>
              <th scope="col">{t('before')}</th>
              <th scope="col">{t('after')}</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <time dateTime={row.at.toISOString()}>
                    {format.dateTime(row.at, { dateStyle: 'short', timeStyle: 'medium' })}
                  </time>
                </td>
                <td>
                  {row.userEmail ?? t('system')}
                  {row.userRole ? <span className="muted"> ({words(row.userRole)})</span> : null}
                </td>
                <td>{auditActionWords(row.action, label)}</td>
                <td>{auditEntityWords(row.entityType, row.entityId, label)}</td>
                <td>
                  <span className="json">{words(row.before)}</span>
                </td>
                <td>
                  <span className="json">{words(row.after)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {log.pages > 1 && (
        <nav className="pagination" aria-label={t('pages')}>
          {filter.page > 1 && <Link href={pageHref(filter.page - 1)}>← {t('previous')}</Link>}
          <span>{t('pageOf', { page: filter.page, pages: log.pages })}</span>
          {filter.page < log.pages && <Link href={pageHref(filter.page + 1)}>{t('next')} →</Link>}
        </nav>
      )}
    </>
  );
}
