import { describe, expect, it } from 'vitest';
import { revisionChanges, type ChangeWords } from '@/components/evidence/RevisionChanges';
import { pendingReturn, type EvidenceDetail } from '@/lib/data/evidence';

type Revision = EvidenceDetail['revisions'][number];

const words: ChangeWords = {
  status: (code) => `status:${code}`,
  visibility: (code) => `visibility:${code}`,
  sourceType: (code) => `type:${code}`,
  score: (score) => `score:${score}`,
  date: (value) => value.toISOString().slice(0, 10),
};

function revision(overrides: Partial<Revision> = {}): Revision {
  return {
    id: 1,
    number: 1,
    state: 'DRAFT',
    observedOn: new Date('2024-03-01'),
    status: 'IN_PROGRESS',
    score: null,
    visibility: 'INTERNAL',
    tags: ['law'],
    summary: { en: 'A bill.' },
    sources: [
      {
        id: 1,
        type: 'NATIONAL_LEGISLATION',
        title: 'Act 12',
        url: null,
        reference: 'Gazette No. 5',
        publishedOn: new Date('2024-02-01'),
      },
    ],
    attachments: [{ id: 1, fileName: 'bill.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) }],
    reviewComment: null,
    reviewer: null,
    ...overrides,
  } as Revision;
}

describe('revisionChanges', () => {
  it('says nothing for the first revision or an unchanged one', () => {
    expect(revisionChanges(revision(), undefined, words)).toEqual([]);
    expect(revisionChanges(revision({ id: 2 }), revision(), words)).toEqual([]);
  });

  it('tells each changed field in words', () => {
    const changes = revisionChanges(
      revision({
        status: 'NOT_STARTED',
        visibility: 'PUBLIC',
        score: 1,
        observedOn: new Date('2024-03-02'),
        tags: ['law', 'bill'],
        summary: { en: 'A bill.', zh: '法案。' },
      }),
      revision(),
      words,
    );
    expect(changes).toEqual([
      { field: 'observedOn', before: '2024-03-01', after: '2024-03-02' },
      { field: 'status', before: 'status:IN_PROGRESS', after: 'status:NOT_STARTED' },
      { field: 'score', before: '', after: 'score:1' },
      { field: 'visibility', before: 'visibility:INTERNAL', after: 'visibility:PUBLIC' },
      { field: 'tags', before: 'law', after: 'law, bill' },
      { field: 'summaryZh', before: '', after: '法案。' },
    ]);
  });

  it('tells a change to any part of a source, with the reference beside the title', () => {
    const before = revision();
    for (const [part, value] of [
      ['type', 'GOVERNMENT_REPORT'],
      ['title', 'Act 13'],
      ['url', 'https://example.org/act'],
      ['reference', 'Gazette No. 6'],
      ['publishedOn', new Date('2024-02-02')],
    ] as const) {
      const after = revision({ sources: [{ ...before.sources[0]!, [part]: value }] });
      const changes = revisionChanges(after, before, words);
      expect(changes, part).toHaveLength(1);
      expect(changes[0]).toMatchObject({ field: 'source', number: 1 });
      expect(changes[0]!.before).toBe('type:NATIONAL_LEGISLATION: Act 12 · Gazette No. 5 · 2024-02-01');
    }
    const added = revisionChanges(
      revision({ sources: [...before.sources, { ...before.sources[0]!, id: 2, title: null, reference: 'R 2' }] }),
      before,
      words,
    );
    expect(added).toEqual([
      { field: 'source', number: 2, before: '', after: 'type:NATIONAL_LEGISLATION: R 2 · 2024-02-01' },
    ]);
  });

  it('tells attachments removed and added, a replaced file of the same name included', () => {
    const before = revision();
    const replaced = revision({ attachments: [{ ...before.attachments[0]!, id: 2, sha256: 'b'.repeat(64) }] });
    expect(revisionChanges(replaced, before, words)).toEqual([
      { field: 'attachments', before: `bill.pdf (${'a'.repeat(12)}…)`, after: `bill.pdf (${'b'.repeat(12)}…)` },
    ]);
    expect(revisionChanges(revision({ attachments: [] }), before, words)).toEqual([
      { field: 'attachments', before: `bill.pdf (${'a'.repeat(12)}…)`, after: '' },
    ]);
  });
});

describe('pendingReturn', () => {
  const returned = revision({
    number: 1,
    state: 'RETURNED',
    reviewComment: 'Cite the bill number.',
    reviewer: { email: 'reviewer@example.org' },
  } as Partial<Revision>);

  it('shows the return while the record is returned and while drafts are saved after it', () => {
    const expected = { reviewer: 'reviewer@example.org', comment: 'Cite the bill number.' };
    expect(pendingReturn({ revisions: [returned] })).toEqual(expected);
    expect(pendingReturn({ revisions: [revision({ number: 3 }), revision({ number: 2 }), returned] })).toEqual(
      expected,
    );
  });

  it('is gone once the record is submitted again or verified, and absent when never returned', () => {
    expect(pendingReturn({ revisions: [revision({ number: 2, state: 'SUBMITTED' }), returned] })).toBeNull();
    expect(pendingReturn({ revisions: [revision({ number: 2, state: 'VERIFIED' }), returned] })).toBeNull();
    expect(pendingReturn({ revisions: [revision()] })).toBeNull();
  });
});
