import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EvidenceFields,
  formSourceRows,
  missingForReview,
  nestFormValues,
  normaliseTags,
} from '@/lib/validation/evidence';
import { latestDateOnEarth } from '@/lib/dates';

const draft = { actorCode: 'KEN', commitmentCode: 'P08-financing' };
const fieldErrors = (input: unknown) => {
  const parsed = EvidenceFields.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
};

describe('"today" is the latest date on Earth (UTC+14)', () => {
  afterEach(() => vi.useRealTimers());

  it('is the date in Kiribati’s Line Islands, a day ahead of UTC late in the UTC day', () => {
    expect(latestDateOnEarth(new Date('2026-12-01T09:59:59Z'))).toBe('2026-12-01');
    expect(latestDateOnEarth(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-02');
    expect(latestDateOnEarth(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('lets a user in UTC+14 record what they observed today, and nobody the day after', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 02:30 UTC on 1 December: 16:30 on 1 December at Kiritimati; at 11:00 UTC it is already 2 December there.
    vi.setSystemTime(new Date('2026-12-01T11:00:00Z'));
    const at = (observedOn: string) => fieldErrors({ ...draft, observedOn }).observedOn;
    expect(at('2026-12-01')).toBeUndefined();
    expect(at('2026-12-02')).toBeUndefined();
    expect(at('2026-12-03')).toEqual(['dateInFuture']);
    // A source's publication date follows the same rule.
    expect(fieldErrors({ ...draft, sources: [{ type: 'MEDIA', reference: 'x', publishedOn: '2026-12-02' }] })).toEqual(
      {},
    );
    expect(fieldErrors({ ...draft, sources: [{ type: 'MEDIA', reference: 'x', publishedOn: '2026-12-03' }] })).toEqual({
      'sources.0.publishedOn': ['dateInFuture'],
    });
  });
});

describe('tags', () => {
  it('are separated by the comma, the full-width comma and the ideographic comma alike', () => {
    expect(normaliseTags('反恐，立法、financing, law')).toEqual(['反恐', '立法', 'financing', 'law']);
    expect(normaliseTags(' a ，， b 、a,')).toEqual(['a', 'b']);
    expect(normaliseTags(['x', ' x ', ''])).toEqual(['x']);
    expect(normaliseTags(null)).toEqual([]);
    const parsed = EvidenceFields.parse({ ...draft, tags: '反恐，立法、financing' });
    expect(parsed.tags).toEqual(['反恐', '立法', 'financing']);
  });

  it('cannot hold any of those commas when given as a list (the API), since a form or a CSV cell would split it', () => {
    for (const tag of ['a,b', 'a，b', 'a、b']) {
      expect(fieldErrors({ ...draft, tags: [tag] })).toEqual({ tags: [`tagHasComma:${tag}`] });
    }
  });
});

describe('a draft needs only its country and commitment; a submission everything', () => {
  it('saves a draft with nothing else, and with a half-filled source row', () => {
    expect(fieldErrors(draft)).toEqual({});
    expect(
      fieldErrors({ ...draft, status: '', observedOn: ' ', sources: [{ type: 'MEDIA', title: 'Later' }] }),
    ).toEqual({});
    const parsed = EvidenceFields.parse(draft);
    expect([parsed.observedOn, parsed.status, parsed.sources]).toEqual([undefined, undefined, []]);
  });

  it('still refuses a draft without a country or commitment, or with a malformed value', () => {
    expect(fieldErrors({})).toEqual({ actorCode: ['unknownCountry'], commitmentCode: ['unknownCommitment'] });
    expect(fieldErrors({ ...draft, observedOn: '2024-02-30', status: 'DONE' })).toEqual({
      observedOn: ['dateInvalid'],
      status: ['statusRequired'],
    });
  });

  it('names everything a submission lacks, and a wrong value only once', () => {
    expect(fieldErrors({ ...draft, intent: 'submit' })).toEqual({
      observedOn: ['dateRequired'],
      status: ['statusRequired'],
      summaryEn: ['summaryRequired'],
      sources: ['sourceRequired'],
    });
    expect(
      fieldErrors({
        ...draft,
        intent: 'submit',
        observedOn: 'soon',
        status: 'IN_PROGRESS',
        summaryZh: '摘要',
        sources: [
          { type: 'MEDIA', title: 'No address' },
          { type: 'MEDIA', url: 'ftp://x' },
        ],
      }),
    ).toEqual({
      observedOn: ['dateInvalid'],
      'sources.0.url': ['sourceNeedsUrlOrReference'],
      'sources.1.url': ['urlNotHttp'],
    });
  });

  it('is one rule (missingForReview) that the submit operation applies to a stored draft too', () => {
    expect(
      missingForReview({
        observedOn: '2024-01-01',
        status: 'IN_PROGRESS',
        summaryEn: 'x',
        sources: [{ url: null, reference: 'S/2024/1' }],
      }),
    ).toEqual([]);
    expect(missingForReview({ sources: [{ url: null, reference: null }] }).map((problem) => problem.message)).toEqual([
      'dateRequired',
      'statusRequired',
      'summaryRequired',
      'sourceNeedsUrlOrReference',
    ]);
  });

  it('reads the form’s flat fields, with gaps where a source row was removed', () => {
    const flat = {
      ...draft,
      'sources.0.type': 'MEDIA',
      'sources.0.url': 'https://example.org/a',
      'sources.3.type': 'MEDIA',
      'sources.12.type': 'NGO',
      'sources.12.reference': 'Report 7',
    };
    // Row numbers are the form's; errors name positions among the non-empty rows, which the form maps back.
    expect(formSourceRows(flat).map(({ row }) => row)).toEqual([0, 12]);
    const nested = nestFormValues(flat);
    expect(nested.sources).toEqual([
      { type: 'MEDIA', url: 'https://example.org/a' },
      { type: 'NGO', reference: 'Report 7' },
    ]);
  });
});
