import { generateEvidence } from '@/bench/data/generator';
import { csvStream, csvText } from '@/lib/csv';
import { evidenceHeader } from '@/lib/transfer/evidence-csv';

/**
 * The dashboard benchmark's synthetic evidence (bench/data/generator.ts, fixed seed) in the import format, for the
 * import benchmark and the crash test: one new record (no id) per generated record, with its latest revision's
 * fields. Size S is 193 states × 32 commitments × ~20 records = 119,892 rows.
 */
export interface SyntheticOptions {
  size?: 'xs' | 's' | 'l';
  seed?: number;
  /** Stop after this many rows. */
  limit?: number;
}

/** The generator's records have one or two sources. */
const SOURCE_GROUPS = 2;

export async function syntheticEvidenceCsv(options: SyntheticOptions = {}): Promise<string> {
  const { size = 's', seed, limit = Infinity } = options;
  async function* rows() {
    let count = 0;
    for (const record of generateEvidence({ size, seed })) {
      if (count++ >= limit) return;
      const revision = record.revisions.at(-1)!;
      const sources = revision.sources
        .slice(0, SOURCE_GROUPS)
        .flatMap((source) => [source.type, source.url ?? '', source.reference ?? '', source.title, source.publishedOn]);
      yield [
        '',
        '',
        '',
        record.actorCode,
        record.commitmentCode,
        revision.observedOn,
        revision.status,
        revision.score ?? '',
        revision.summary.zh ?? '',
        revision.summary.en,
        revision.visibility,
        revision.tags.join(', '),
        ...sources,
        ...Array(SOURCE_GROUPS * 5 - sources.length).fill(''),
      ];
    }
  }
  return csvText(csvStream(evidenceHeader(SOURCE_GROUPS), rows()));
}
