import { getTranslations } from 'next-intl/server';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { packTable } from '@/lib/charts/packed';
import { CountBarChart } from '@/components/charts/LazyCharts';
import { NoEvidence } from '@/components/dashboard/NoEvidence';
import { changeTable, groupProgressTable } from '@/components/dashboard/status-tables';
import { formatMonth } from '@/lib/charts/format';
import { statusBarChartHeight } from '@/lib/charts/layout';
import { getChartStrings, getStatusLabels } from '@/lib/charts/strings';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { getChangeSince } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';

type Props = { id: string; filter: DashboardFilter; locale: Locale; headingLevel?: 2 | 3 };

/**
 * What changed since the filter's "since" month (default: the range's last 12 months): the pairs at each status at
 * its start and at the range's end, side by side, with the pairs newly covered and changed in the description.
 */
export async function ChangeSinceChart({ id, filter, locale, headingLevel = 2 }: Props) {
  const [t, labels, strings, change] = await Promise.all([
    getTranslations('dashboard'),
    getStatusLabels(),
    getChartStrings(),
    getChangeSince(filter, locale),
  ]);
  const since = formatMonth(locale, change.since);
  const to = formatMonth(locale, change.to);
  const title = t('changeTitle', { since });
  const table = changeTable(change, labels, {
    status: t('status'),
    before: t('changeBefore', { date: since }),
    after: t('changeAfter', { date: to }),
    change: t('change'),
  });
  return (
    <ChartFrame
      id={id}
      title={title}
      headingLevel={headingLevel}
      description={t('changeDescription', {
        newly: change.total.newlyCovered,
        changed: change.total.changed,
        since,
        to,
      })}
      table={table}
      fileName={`${id}-${change.since}-${change.to}`}
      empty={<NoEvidence />}
      height={statusBarChartHeight(table.rows.length, 44)}
    >
      <CountBarChart
        id={id}
        table={packTable(table)}
        category="status"
        axis="category"
        stacked={false}
        series={[
          { key: 'before', label: table.columns[1]!.label },
          { key: 'after', label: table.columns[2]!.label },
        ]}
        strings={strings}
        locale={locale}
        title={title}
        labelWidth={150}
      />
    </ChartFrame>
  );
}

/**
 * Progress per UN regional group: each group's pairs with verified evidence, split into those that had some before
 * the "since" month and those newly covered since, in counts (a share of each group's ~1,000 pairs would show
 * nothing for months).
 */
export async function GroupProgress({ id, filter, locale, headingLevel = 2 }: Props) {
  const [t, strings, change] = await Promise.all([
    getTranslations('dashboard'),
    getChartStrings(),
    getChangeSince(filter, locale),
  ]);
  const since = formatMonth(locale, change.since);
  const to = formatMonth(locale, change.to);
  const title = t('groupProgressTitle');
  const table = groupProgressTable(change, {
    group: t('group'),
    coveredBefore: t('coveredBefore', { date: since }),
    newlyCovered: t('newlyCovered', { date: since }),
    coveredAfter: t('coveredAfter', { date: to }),
    coverage: t('coverage'),
    changed: t('changedStatus'),
    pairs: t('pairs'),
  });
  return (
    <ChartFrame
      id={id}
      title={title}
      headingLevel={headingLevel}
      description={t('groupProgressDescription', { since, to })}
      table={table}
      fileName={`${id}-${change.since}-${change.to}`}
      empty={<NoEvidence />}
      height={statusBarChartHeight(table.rows.length, 40)}
    >
      <CountBarChart
        id={id}
        table={packTable(table)}
        category="group"
        axis="category"
        stacked
        series={[
          { key: 'coveredBefore', label: table.columns[1]!.label },
          { key: 'newlyCovered', label: table.columns[2]!.label },
        ]}
        strings={strings}
        locale={locale}
        title={title}
        labelWidth={210}
      />
    </ChartFrame>
  );
}
