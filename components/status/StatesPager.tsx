import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { ListPage } from '@/lib/status/paging';

/**
 * The page links under a paged list of member states (lib/status/paging.ts): which states are shown, then
 * "Previous page", a link per page (the current one marked aria-current) and "Next page". Nothing when one page
 * holds them all. `href(page)` gives the address of a page without the locale, keeping the reader's filters and sort.
 */
export async function StatesPager({
  list,
  href,
}: {
  list: Pick<ListPage<unknown>, 'page' | 'pages' | 'first' | 'last' | 'total'>;
  href: (page: number) => string;
}) {
  if (list.pages <= 1) return null;
  const t = await getTranslations('status');
  const pages = Array.from({ length: list.pages }, (_, index) => index + 1);
  return (
    <nav className="pager" aria-label={t('statesPages')} data-total={list.total}>
      <span>{t('statesShown', { first: list.first, last: list.last, total: list.total })}</span>
      {list.page > 1 && (
        <Link href={href(list.page - 1)} rel="prev">
          ← {t('previousPage')}
        </Link>
      )}
      {pages.map((page) => (
        <Link
          key={page}
          href={href(page)}
          aria-current={page === list.page ? 'page' : undefined}
          aria-label={t('pageNumber', { page })}
        >
          {page}
        </Link>
      ))}
      {list.page < list.pages && (
        <Link href={href(list.page + 1)} rel="next">
          {t('nextPage')} →
        </Link>
      )}
    </nav>
  );
}
