import { Suspense, type ReactNode } from 'react';
import { WidgetBoundary, WidgetFailed } from '@/components/dashboard/WidgetBoundary';

/**
 * One dashboard widget: its skeleton (`fallback`) while its data loads, and its own error boundary, so that one
 * failing query leaves the page and every other widget as they are and shows a short message in its place.
 * `name` identifies the widget in the page (data-widget-failed). Give it a `key` that changes with the filter, so
 * that a new filter shows the skeleton again and a failed widget gets another try.
 */
export function DashboardWidget({
  name,
  fallback,
  children,
}: {
  name: string;
  fallback: ReactNode;
  children: ReactNode;
}) {
  return (
    <Suspense fallback={fallback}>
      <WidgetBoundary fallback={<WidgetFailed name={name} />}>{children}</WidgetBoundary>
    </Suspense>
  );
}
