import { csvStream, csvText } from '@/lib/csv';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { evidenceHeader } from '@/lib/transfer/evidence-csv';
import { IMPLEMENTATION_STATUSES, SOURCE_TYPES } from '@/lib/validation/evidence';

/**
 * Deterministic synthetic evidence in the import format, for the import benchmark and the crash test: for every
 * member state × commitment addressed to member states, `perPair` new records (no id), from a fixed seed. The
 * S size of the dashboard benchmark is 193 × 29 × 20 = 111,940 rows.
 */
export interface SyntheticOptions {
  perPair: number;
  seed?: number;
  /** Stop after this many rows (default: all pairs × perPair). */
  limit?: number;
}

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['law', 'bill', 'report', 'strategy', '反恐', '立法', 'financing', 'border', 'training', 'cooperation'];

export async function syntheticEvidenceCsv(prisma: PrismaClient, options: SyntheticOptions): Promise<string> {
  const random = mulberry32(options.seed ?? 20120504);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const [actors, commitments] = await Promise.all([
    prisma.actor.findMany({ where: { kind: 'MEMBER_STATE' }, select: { code: true }, orderBy: { code: 'asc' } }),
    prisma.commitment.findMany({
      where: { addressee: 'MEMBER_STATES' },
      select: { code: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  const limit = options.limit ?? actors.length * commitments.length * options.perPair;
  const header = evidenceHeader(2);
  const day = (from: number, to: number) =>
    new Date(Date.UTC(from, 0, 1) + Math.floor(random() * (to - from) * 365 * 86_400_000)).toISOString().slice(0, 10);
  async function* rows() {
    let count = 0;
    for (const actor of actors) {
      for (const commitment of commitments) {
        for (let n = 0; n < options.perPair; n++) {
          if (count++ >= limit) return;
          const twoSources = random() < 0.3;
          yield [
            '',
            '',
            '',
            actor.code,
            commitment.code,
            day(2012, 2025),
            pick(IMPLEMENTATION_STATUSES),
            pick(['', -1, 0, 1]),
            random() < 0.5 ? `${pick(WORDS)}：进展 ${n}` : '',
            `${pick(WORDS)} ${pick(WORDS)}, "item ${n}" for ${actor.code}`,
            random() < 0.5 ? 'PUBLIC' : 'INTERNAL',
            `${pick(WORDS)}, ${pick(WORDS)}`,
            pick(SOURCE_TYPES),
            `https://example.org/${actor.code.toLowerCase()}/${commitment.code}/${n}`,
            '',
            `Source ${n}`,
            day(2010, 2012),
            ...(twoSources ? [pick(SOURCE_TYPES), '', `Doc ${actor.code}/${n}`, '', ''] : ['', '', '', '', '']),
          ];
        }
      }
    }
  }
  return csvText(csvStream(header, rows()));
}
