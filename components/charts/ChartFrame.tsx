import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChartFooter } from '@/components/charts/ChartFooter';
import { chartDomId, DEFAULT_CHART_HEIGHT } from '@/lib/charts/layout';
import { packTable } from '@/lib/charts/packed';
import type { ChartTable } from '@/lib/charts/types';

export interface ChartFrameProps {
  /** Unique in the page; becomes data-chart on the <figure> and prefixes the element ids. */
  id: string;
  title: string;
  description: string;
  /** The chart's data as a table: the "show as table" alternative and the CSV export. */
  table: ChartTable;
  /** Download name without extension: `${fileName}.csv`, `.svg`, `.png`. */
  fileName: string;
  /** Shown instead of chart, table and exports when table.rows is empty: say what to do. */
  empty?: ReactNode;
  headingLevel?: 2 | 3;
  /** Height of the plot area in CSS pixels (legend included), which the client chart fills; 'auto' for a
   * server-drawn picture (the world map) that sizes itself. */
  height?: number | 'auto';
  children: ReactNode;
}

/**
 * One dashboard chart: a <figure> named by its heading and described by its description, the client chart in a
 * fixed-height box, a table alternative in <details> (drawn when opened) and the CSV/SVG/PNG export toolbar.
 */
export async function ChartFrame({
  id,
  title,
  description,
  table,
  fileName,
  empty,
  headingLevel = 2,
  height = DEFAULT_CHART_HEIGHT,
  children,
}: ChartFrameProps) {
  const [t, locale] = await Promise.all([getTranslations('charts'), getLocale()]);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const domId = chartDomId(id);
  const hasData = table.rows.length > 0;
  return (
    <figure
      className="chart-frame"
      id={domId}
      data-chart={id}
      aria-labelledby={`${domId}-title`}
      aria-describedby={`${domId}-desc`}
    >
      <figcaption className="chart-frame__caption">
        <Heading id={`${domId}-title`} className="chart-frame__title">
          {title}
        </Heading>
        <p id={`${domId}-desc`} className="chart-frame__desc">
          {description}
          {hasData && <span className="visually-hidden"> {t('keyboardHint')}</span>}
        </p>
      </figcaption>
      {hasData ? (
        <>
          <div className="chart-frame__plot" style={height === 'auto' ? undefined : { height }}>
            {children}
          </div>
          <ChartFooter
            frameId={domId}
            title={title}
            table={packTable(table)}
            fileName={fileName}
            locale={locale}
            showTable={t('showTable')}
            labels={{
              download: t('download'),
              csv: t('csv'),
              csvLabel: t('csvLabel'),
              svg: t('svg'),
              svgLabel: t('svgLabel'),
              png: t('png'),
              pngLabel: t('pngLabel'),
              failed: t('exportFailed'),
            }}
          />
        </>
      ) : (
        <div className="chart-frame__empty">{empty ?? <p>{t('empty')}</p>}</div>
      )}
    </figure>
  );
}
