import type { EvidenceDetail } from '@/lib/data/evidence';

type Revision = EvidenceDetail['revisions'][number];

/** The fields of a revision that differ from the one before it, as [field, before, after]. */
export function revisionChanges(revision: Revision, previous: Revision | undefined): [string, string, string][] {
  if (!previous) return [];
  const view = (r: Revision): Record<string, string> => ({
    observedOn: r.observedOn?.toISOString().slice(0, 10) ?? '',
    status: r.status ?? '',
    score: r.score === null ? '' : String(r.score),
    visibility: r.visibility,
    tags: r.tags.join(', '),
    summaryEn: r.summary.en ?? '',
    summaryZh: r.summary.zh ?? '',
    sources: r.sources.map((s) => [s.type, s.url ?? s.reference ?? ''].join(' ')).join('; '),
    attachments: r.attachments.map((a) => a.fileName).join(', '),
  });
  const before = view(previous);
  const after = view(revision);
  return Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) => [field, before[field]!, after[field]!]);
}
