import { getFormatter, getTranslations } from 'next-intl/server';
import { StatusCounts } from '@/components/status/StatusCounts';
import { formatMonth } from '@/lib/charts/format';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { resolveRange } from '@/lib/dashboard/queries';
import { getHeadline } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { isoMonth } from '@/lib/dates';

/** The overview's headline figures, as of the end of the filter's range. */
export async function HeadlineFigures({ filter, locale }: { filter: DashboardFilter; locale: Locale }) {
  const [t, format, figures] = await Promise.all([getTranslations('dashboard'), getFormatter(), getHeadline(filter)]);
  const { to } = resolveRange(filter);
  const current = to === isoMonth(new Date());
  const stats = [
    { key: 'commitments', value: format.number(figures.commitments), label: t('commitmentsTracked') },
    {
      key: 'states',
      value: format.number(figures.statesWithEvidence),
      label: `${t('statesWithEvidence')} (${t('statesWithEvidenceOf', { states: figures.states })})`,
    },
    {
      key: 'with-evidence',
      value: format.number(figures.withEvidence),
      label: `${t('withEvidenceStat')} (${t('withEvidenceOf', {
        pairs: figures.pairs,
        share: format.number(figures.pairs ? figures.withEvidence / figures.pairs : 0, {
          style: 'percent',
          maximumFractionDigits: 2,
        }),
      })})`,
    },
    {
      key: 'fully',
      value:
        figures.fullyOfApplicable === null
          ? '–'
          : format.number(figures.fullyOfApplicable, { style: 'percent', maximumFractionDigits: 1 }),
      label: t('fullyOfApplicable'),
    },
    {
      key: 'recent',
      value: format.number(figures.verifiedLast30Days),
      label: current ? t('verifiedLast30Days') : t('verifiedLast30DaysTo', { date: formatMonth(locale, to) }),
    },
  ];
  return (
    <section aria-labelledby="headline-title" data-widget="headline">
      <h2 id="headline-title" className="visually-hidden">
        {t('headlineTitle')}
      </h2>
      <ul className="stats">
        {stats.map((stat) => (
          <li className="stat" key={stat.key} data-stat={stat.key}>
            <span className="stat__value">{stat.value}</span>
            <span className="stat__label">{stat.label}</span>
          </li>
        ))}
      </ul>
      <StatusCounts counts={figures.counts} total={figures.pairs} label={t('pairsAtStatus')} />
      <p className="muted">{t('pairsCaption', { pairs: figures.pairs, date: formatMonth(locale, to) })}</p>
    </section>
  );
}
