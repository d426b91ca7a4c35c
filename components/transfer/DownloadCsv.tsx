import { getTranslations } from 'next-intl/server';

/** "Download CSV" and its Excel variant (with a BOM) for one export, carrying the page's current filters. */
export async function DownloadCsv({
  path,
  params = {},
  label,
}: {
  /** The export route, e.g. /api/export/evidence. */
  path: string;
  params?: Record<string, string | undefined>;
  /** What is downloaded (a key of the "transfer" messages); "Download CSV" when not given. */
  label?:
    | 'evidenceCsv'
    | 'matrixCsv'
    | 'matrixCsvCodes'
    | 'ratificationCsv'
    | 'ratificationCsvCodes'
    | 'importTemplate'
    | 'tokensCsv';
}) {
  const t = await getTranslations('transfer');
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const withBom = new URLSearchParams(query);
  withBom.set('bom', '1');
  const href = (search: URLSearchParams) => (search.size > 0 ? `${path}?${search}` : path);
  return (
    <p className="download-csv">
      <a href={href(query)} download>
        {t(label ?? 'downloadCsv')}
      </a>{' '}
      <span className="muted">
        (
        <a href={href(withBom)} download title={t('downloadCsvExcelHint')}>
          {t('downloadCsvExcel')}
        </a>
        )
      </span>
    </p>
  );
}
