import type { EvidenceDetail } from '@/lib/data/evidence';

type Revision = EvidenceDetail['revisions'][number];
type Source = Revision['sources'][number];

/** The words a change is told in: every code and date in the reader's language (see the record page). */
export interface ChangeWords {
  /** An implementation status code (ImplementationStatus) to its label. */
  status: (code: string) => string;
  /** A visibility code (INTERNAL, PUBLIC) to its label. */
  visibility: (code: string) => string;
  /** A source type code (NATIONAL_LEGISLATION, …) to its label. */
  sourceType: (code: string) => string;
  /** A score (-1, 0, 1) to its label. */
  score: (score: number) => string;
  /** A calendar date (stored as UTC midnight) as the reader writes it. */
  date: (value: Date) => string;
}

/**
 * One changed field between two revisions. `field` is a key of "evidence.fields"; a source is told apart by its
 * position (`number`, from 1), as sources have no identity across revisions. `before` and `after` are the values
 * as the reader reads them, '' for none.
 */
export interface RevisionChange {
  field:
    'observedOn' | 'status' | 'score' | 'visibility' | 'tags' | 'summaryEn' | 'summaryZh' | 'source' | 'attachments';
  number?: number;
  before: string;
  after: string;
}

/** A source as one line: its type, title, web address, document reference and publication date, each when given. */
export function describeSource(source: Source, words: ChangeWords): string {
  const parts = [source.title, source.url, source.reference, source.publishedOn && words.date(source.publishedOn)];
  return `${words.sourceType(source.type)}: ${parts.filter(Boolean).join(' · ')}`;
}

/**
 * Every field of `revision` that differs from `previous` (none for the first revision), in the order of the form:
 * the facts, the summaries, each source by position (any of its five parts), and the attachments (a file replaced
 * by another of the same name counts, as files are compared by content).
 */
export function revisionChanges(
  revision: Revision,
  previous: Revision | undefined,
  words: ChangeWords,
): RevisionChange[] {
  if (!previous) return [];
  const view = (r: Revision) => ({
    observedOn: r.observedOn ? words.date(r.observedOn) : '',
    status: r.status ? words.status(r.status) : '',
    score: r.score === null ? '' : words.score(r.score),
    visibility: words.visibility(r.visibility),
    tags: r.tags.join(', '),
    summaryEn: r.summary.en ?? '',
    summaryZh: r.summary.zh ?? '',
  });
  const before = view(previous);
  const after = view(revision);
  const changes: RevisionChange[] = (Object.keys(after) as (keyof typeof after)[])
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
  const sourceCount = Math.max(previous.sources.length, revision.sources.length);
  for (let index = 0; index < sourceCount; index++) {
    const old = previous.sources[index];
    const now = revision.sources[index];
    const was = old ? describeSource(old, words) : '';
    const is = now ? describeSource(now, words) : '';
    if (was !== is) changes.push({ field: 'source', number: index + 1, before: was, after: is });
  }
  const files = (r: Revision) => r.attachments.map((a) => `${a.fileName} (${a.sha256.slice(0, 12)}…)`);
  const [filesBefore, filesAfter] = [files(previous), files(revision)];
  const gone = filesBefore.filter((file) => !filesAfter.includes(file));
  const added = filesAfter.filter((file) => !filesBefore.includes(file));
  // Told as the files removed → the files added.
  if (gone.length > 0 || added.length > 0) {
    changes.push({ field: 'attachments', before: gone.join(', '), after: added.join(', ') });
  }
  return changes;
}
