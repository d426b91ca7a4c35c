import { getTranslations } from 'next-intl/server';
import type { IgnoredFilter } from '@/lib/filters/known';

/**
 * The notice for URL filter values that were dropped (lib/filters/known.ts): "Unknown country 'XYZ' ignored".
 * `labels` names each parameter in the reader's language (the filter's field label).
 */
export async function IgnoredFilters({
  ignored,
  labels,
}: {
  ignored: IgnoredFilter[];
  labels: Record<string, string>;
}) {
  if (ignored.length === 0) return null;
  const t = await getTranslations('find');
  return (
    <div className="notice" role="status" data-testid="ignored-filters">
      {ignored.map((item) => (
        <p key={item.name}>{t('ignoredFilter', { label: labels[item.name] ?? item.name, value: item.value })}</p>
      ))}
    </div>
  );
}
