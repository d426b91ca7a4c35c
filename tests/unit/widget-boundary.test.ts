import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps, type ReactNode } from 'react';
import { renderToReadableStream, renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import GlobalError from '@/app/global-error';
import { DashboardWidget } from '@/components/dashboard/DashboardWidget';
import { WidgetBoundary, WidgetFailed } from '@/components/dashboard/WidgetBoundary';
import { loadMessages } from '@/lib/i18n/messages';

/**
 * One failing dashboard widget leaves the rest of the page (components/dashboard/DashboardWidget.tsx): on the
 * server the failure stays inside the widget's own Suspense boundary while every other widget renders, and in the
 * browser the widget's error boundary puts a short message in the reader's language in its place. The root
 * layout's own failure gets app/global-error.tsx, a page of its own.
 */
async function withMessages(locale: 'en' | 'zh', child: ReactNode) {
  const provider = { locale, messages: await loadMessages(locale), timeZone: 'UTC' } as ComponentProps<
    typeof NextIntlClientProvider
  >;
  return createElement(NextIntlClientProvider, provider, child);
}

/** A widget whose query fails, as an async server component does when the database refuses it. */
async function FailingWidget(): Promise<ReactNode> {
  await Promise.resolve();
  throw new Error('relation "CurrentStatus" does not exist');
}
/** A DashboardWidget around `child`, as the pages place them. */
const widget = (name: string, fallback: string, child: ReactNode) =>
  createElement(DashboardWidget, { name, fallback } as ComponentProps<typeof DashboardWidget>, child);
const Widget = ({ text }: { text: string }) => createElement('section', { 'data-widget': text }, text);

describe('a dashboard widget that fails', () => {
  it('leaves every other widget of the page rendered on the server, and its own skeleton in its place', async () => {
    const errors: unknown[] = [];
    const page = createElement(
      'main',
      null,
      widget('headline', 'skeleton: headline', createElement(Widget, { text: 'headline figures' })),
      widget('over-time', 'skeleton: over time', createElement(FailingWidget)),
      widget('recent', 'skeleton: recent', createElement(Widget, { text: 'recent activity' })),
      createElement('h2', null, 'Tracked documents'),
    );
    const stream = await renderToReadableStream(await withMessages('en', page), {
      onError: (error) => void errors.push(error),
    });
    await stream.allReady;
    const html = await new Response(stream).text();
    expect(html).toContain('<section data-widget="headline figures">headline figures</section>');
    expect(html).toContain('<section data-widget="recent activity">recent activity</section>');
    expect(html).toContain('<h2>Tracked documents</h2>');
    // The failed widget keeps its skeleton, marked for the browser to render it again (where the boundary
    // catches the error); nothing else is.
    expect(html).toContain('<!--$!-->');
    expect(html.match(/<!--\$!-->/g)).toHaveLength(1);
    expect(html).toContain('skeleton: over time');
    expect(html).not.toContain('skeleton: headline');
    expect(errors).toEqual([expect.objectContaining({ message: 'relation "CurrentStatus" does not exist' })]);
  });

  it('is replaced by its boundary with a short message in the reader’s language', async () => {
    // React calls the boundary's static method with the error, then renders the instance in that state.
    const state = WidgetBoundary.getDerivedStateFromError();
    expect(state).toEqual({ failed: true });
    const boundary = new WidgetBoundary({
      fallback: createElement(WidgetFailed, { name: 'over-time' }),
      children: createElement(Widget, { text: 'status over time' }),
    });
    const before = renderToString(await withMessages('en', boundary.render()));
    expect(before).toBe('<section data-widget="status over time">status over time</section>');
    boundary.state = state;
    const en = renderToString(await withMessages('en', boundary.render()));
    expect(en).toContain('data-widget-failed="over-time"');
    expect(en).toContain('This part of the page could not be loaded; the rest is shown.');
    expect(en).not.toContain('status over time');
    const zh = renderToString(await withMessages('zh', boundary.render()));
    expect(zh).toContain('页面的这一部分未能加载，其余部分正常显示。');
  });
});

describe('the global error page', () => {
  it('renders its own document, with the reference to quote and a way back', () => {
    const html = renderToString(
      createElement(GlobalError, { error: Object.assign(new Error('layout failed'), { digest: 'd-42' }), reset() {} }),
    );
    expect(html).toMatch(/^<html lang="en"><head><\/head><body>/);
    expect(html).toContain('<h1>Something went wrong</h1>');
    expect(html).toContain('(reference: d-42)');
    expect(html).toContain('<a href="/en">Go to the overview</a>');
    expect(html).not.toContain('layout failed');
  });
});
