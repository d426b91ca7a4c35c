import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { listDocuments } from '@/lib/data/documents';
import { adoptedBy, listInstruments } from '@/lib/data/instruments';
import type { Locale } from '@/lib/i18n/config';
import { TableScroll } from '@/components/TableScroll';
import { isoDay } from '@/lib/dates';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'instruments' });
  return { title: t('title') };
}

export default async function InstrumentsPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const [t, format, instruments, documents] = await Promise.all([
    getTranslations('instruments'),
    getFormatter(),
    listInstruments(locale),
    listDocuments(locale),
  ]);
  const date = (value: Date) => <time dateTime={isoDay(value)}>{format.dateTime(value, 'day')}</time>;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {documents.map((document) => (
        <p key={document.slug}>
          {t('summary', {
            total: instruments.length,
            existing: adoptedBy(instruments, document.adoptedOn).length,
            date: format.dateTime(document.adoptedOn, 'longDay'),
            symbol: document.symbol,
          })}
        </p>
      ))}
      {/* The people's file (words in the reader's language) first; the code file for import and integration. */}
      <DownloadCsv path="/api/export/ratification" params={{ labels: 'words', locale }} label="ratificationCsv" />
      <DownloadCsv path="/api/export/ratification" label="ratificationCsvCodes" />
      <DownloadCsv path="/api/export/table/instruments" params={{ locale }} />
      <TableScroll label={t('tableCaption')}>
        <table>
          <caption className="muted">{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('year')}
              </th>
              <th scope="col">{t('instrument')}</th>
              <th scope="col">{t('adopted')}</th>
              <th scope="col">{t('inForce')}</th>
              <th scope="col">{t('depositary')}</th>
            </tr>
          </thead>
          <tbody>
            {instruments.map((instrument) => {
              const laterThan = documents.filter((document) => instrument.adoptedOn > document.adoptedOn);
              return (
                <tr key={instrument.code} id={instrument.code}>
                  <td className="num">{instrument.year}</td>
                  <td>
                    <strong>{instrument.shortName}</strong>
                    <br />
                    {instrument.title}
                    {laterThan.map((document) => (
                      <span key={document.slug}>
                        <br />
                        <span className="tag">{t('afterStatement', { symbol: document.symbol })}</span>
                      </span>
                    ))}
                  </td>
                  <td>{date(instrument.adoptedOn)}</td>
                  <td>{instrument.entryIntoForceOn ? date(instrument.entryIntoForceOn) : t('notInForce')}</td>
                  <td>{instrument.depositary}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
