'use client';

import { useTranslations } from 'next-intl';
import { Component, type ReactNode } from 'react';

/**
 * React's error boundary around one dashboard widget: when the widget fails (its query threw on the server, or it
 * threw while rendering here), the boundary shows `fallback` in its place and the rest of the page stays as it
 * is. The error itself is reported by React and Next.js (the server log has it with its digest). Used through
 * DashboardWidget, which also gives each widget its Suspense skeleton.
 */
export class WidgetBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** A failed widget's place: a short message in the reader's language (errors.widgetFailed). */
export function WidgetFailed({ name }: { name: string }) {
  const t = useTranslations('errors');
  return (
    <div className="widget-failed" data-widget-failed={name}>
      <p role="status">{t('widgetFailed')}</p>
    </div>
  );
}
