import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { ChartStrings } from '@/lib/charts/types';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/** The words the client charts need (tooltips, legend), in the request's language. */
export async function getChartStrings(): Promise<ChartStrings> {
  const t = await getTranslations('charts');
  return { total: t('total'), shareAndCount: t.raw('shareAndCount') as string, legend: t('legend') };
}

/** Implementation-status labels for chart legends and tooltips (messages/<locale>/status.json). */
export async function getStatusLabels(): Promise<Record<ImplementationStatus, string>> {
  const t = await getTranslations('status');
  return Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, t(`implementation.${status}`)])) as Record<
    ImplementationStatus,
    string
  >;
}
