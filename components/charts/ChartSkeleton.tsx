import { getTranslations } from 'next-intl/server';
import { DEFAULT_CHART_HEIGHT } from '@/lib/charts/layout';

/**
 * Suspense fallback for a ChartFrame: the same heading, a shimmering box of the plot's height and the footer's
 * height, and a "Loading chart…" status for assistive technology. Pass the same title, headingLevel and height
 * as the ChartFrame it stands for, so nothing moves when the chart arrives.
 */
export async function ChartSkeleton({
  title,
  headingLevel = 2,
  height = DEFAULT_CHART_HEIGHT,
}: {
  title?: string;
  headingLevel?: 2 | 3;
  height?: number;
}) {
  const t = await getTranslations('charts');
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div className="chart-frame chart-skeleton" aria-busy="true">
      {title && <Heading className="chart-frame__title">{title}</Heading>}
      <div className="chart-skeleton__line" aria-hidden="true" />
      <div className="chart-skeleton__plot" style={{ height }}>
        <p role="status" className="chart-skeleton__status">
          {t('loading')}
        </p>
      </div>
      <div className="chart-skeleton__footer" aria-hidden="true" />
    </div>
  );
}
