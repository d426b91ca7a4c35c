import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { TimelineList, type TimelineLabels, type TimelineRow } from '@/components/status/TimelineList';
import { cellOfStatus } from '@/lib/status/matrix-cells';
import { IMPLEMENTATION_STATUSES } from '@/lib/vocabulary';

const labels: TimelineLabels = {
  statuses: IMPLEMENTATION_STATUSES.map((status) => `L-${status}`),
  caption: 'Verified evidence',
  current: 'current status',
  verifiedOn: 'Verified',
  summaryLanguage: { en: 'in English', zh: 'in Chinese' },
};

const rows: TimelineRow[] = [
  [
    7,
    '2026-06-27',
    'Jun 27, 2026',
    cellOfStatus('PARTIALLY_IMPLEMENTED'),
    1,
    '/countries/CMR',
    'Cameroon',
    'Law adopted.',
    'en',
    '2026-07-25',
    'Jul 25, 2026',
  ],
  [
    6,
    '2026-05-01',
    'May 1, 2026',
    cellOfStatus('FULLY_IMPLEMENTED'),
    0,
    '/countries/KEN',
    'Kenya',
    '已通过法律。',
    'zh',
    null,
    null,
  ],
];

describe('TimelineList (components/status/TimelineList.tsx)', () => {
  // Its links take the locale from the provider, as under the page's layout.
  const html = renderToString(
    createElement(
      NextIntlClientProvider,
      // The child goes as createElement's argument; the cast only satisfies the props type, which requires it.
      { locale: 'en' } as { locale: string; children: ReactNode },
      createElement(TimelineList, { rows, labels, locale: 'en' }),
    ),
  );

  it('renders each entry from its short row: dates, status, current mark, subject link, summary, verification', () => {
    expect(html).toContain('<ol class="timeline" aria-label="Verified evidence">');
    expect(html.match(/<li class="timeline__entry"/g)).toHaveLength(2);
    expect(html).toContain('<time dateTime="2026-06-27">Jun 27, 2026</time>');
    expect(html).toContain('<span class="status-tag st-part">L-PARTIALLY_IMPLEMENTED</span>');
    expect(html).toContain('<span class="status-tag st-full">L-FULLY_IMPLEMENTED</span>');
    expect(html.match(/current status/g)).toHaveLength(1);
    expect(html).toContain('href="/en/countries/CMR"');
    expect(html).toContain('<time dateTime="2026-07-25">Jul 25, 2026</time>');
    // One verification line: the second entry has none.
    expect(html.match(/timeline__meta/g)).toHaveLength(1);
  });

  it('marks a summary in another language with its language', () => {
    expect(html).toContain('<p lang="en">Law adopted.</p>');
    expect(html).toMatch(
      /<p lang="zh-Hans">已通过法律。<span class="muted" lang="en"> <!-- -->\(<!-- -->in Chinese<!-- -->\)<\/span><\/p>/,
    );
  });
});
