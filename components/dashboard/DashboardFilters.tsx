import { getLocale, getTranslations } from 'next-intl/server';
import { FilterSelect } from '@/components/forms/FilterSelect';
import { IgnoredFilters } from '@/components/forms/IgnoredFilters';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import type { IgnoredFilter } from '@/lib/filters/known';
import type { FilterOptions } from '@/lib/data/dashboard';
import { FIRST_MONTH, LAST_MONTH, MONTH } from '@/lib/validation/codes';
import { REGIONAL_GROUPS } from '@/lib/vocabulary';
import { getPathname, Link } from '@/lib/i18n/navigation';

type FilterKey = 'theme' | 'commitment' | 'group' | 'country' | 'from' | 'since';

/**
 * The dashboard's filter form. A plain GET form: the filters live in the URL, so every view can be shared and works
 * without JavaScript. Views fixed by their path (a country page, a commitment page) hide that filter. `path` is the
 * view's path without the locale ("/matrix").
 */
export async function DashboardFilters({
  path,
  filter,
  options,
  hide = [],
  since = false,
  ignored = [],
}: {
  path: string;
  filter: DashboardFilter;
  options: FilterOptions;
  hide?: FilterKey[];
  /** Offer the "change since" month (the overview, whose change figures read it). */
  since?: boolean;
  /** URL values dropped as unknown (knownDashboardFilter), shown above the form. */
  ignored?: IgnoredFilter[];
}) {
  const [t, enums, locale] = await Promise.all([getTranslations('dashboard'), getTranslations('enums'), getLocale()]);
  const shown = (key: FilterKey) => (key === 'since' ? since : !hide.includes(key));
  const filtered = Object.entries(filter).some(([key, value]) => value && shown(key as FilterKey));
  const labels = { theme: t('theme'), commitment: t('commitment'), group: t('group'), country: t('country') };
  return (
    <>
      <IgnoredFilters
        ignored={ignored}
        labels={{ ...labels, from: t('from'), to: hide.includes('from') ? t('asOf') : t('to'), since: t('since') }}
      />
      <form className="filters" method="get" action={getPathname({ href: path, locale })} aria-label={t('filters')}>
        {shown('theme') && (
          <FilterSelect
            id="dashboard-theme"
            name="theme"
            label={t('theme')}
            anyLabel={t('allThemes')}
            value={filter.theme}
            options={options.themes.map((theme) => ({ value: theme.code, label: theme.name }))}
          />
        )}
        {shown('commitment') && (
          <FilterSelect
            id="dashboard-commitment"
            name="commitment"
            label={t('commitment')}
            anyLabel={t('allCommitments')}
            value={filter.commitment}
            options={options.commitments.map((c) => ({ value: c.code, label: `${c.title} (${c.code})` }))}
          />
        )}
        {shown('group') && (
          <FilterSelect
            id="dashboard-group"
            name="group"
            label={t('group')}
            anyLabel={t('allGroups')}
            value={filter.group}
            options={REGIONAL_GROUPS.map((group) => ({ value: group, label: enums(`regionalGroup.${group}`) }))}
          />
        )}
        {shown('country') && (
          <FilterSelect
            id="dashboard-country"
            name="country"
            label={t('country')}
            anyLabel={t('allCountries')}
            value={filter.country}
            options={options.countries.map((country) => ({ value: country.code, label: country.name }))}
          />
        )}
        {shown('from') && <MonthField name="from" label={t('from')} hint={t('monthHint')} value={filter.from} />}
        <MonthField
          name="to"
          label={hide.includes('from') ? t('asOf') : t('to')}
          hint={t('monthHint')}
          value={filter.to}
        />
        {shown('since') && <MonthField name="since" label={t('since')} hint={t('monthHint')} value={filter.since} />}
        <button type="submit" className="button">
          {t('apply')}
        </button>
        {filtered && (
          <Link className="button button--quiet" href={path}>
            {t('clear')}
          </Link>
        )}
      </form>
    </>
  );
}

/** A month of the range (YYYY-MM), within the months the filter parser accepts. */
function MonthField({ name, label, hint, value }: { name: string; label: string; hint: string; value?: string }) {
  return (
    <div className="field field--month">
      <label htmlFor={`dashboard-${name}`}>{label}</label>
      <input
        id={`dashboard-${name}`}
        name={name}
        type="month"
        min={FIRST_MONTH}
        max={LAST_MONTH}
        pattern={MONTH.source}
        placeholder={hint}
        defaultValue={value ?? ''}
      />
    </div>
  );
}
