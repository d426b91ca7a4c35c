import { createHash } from 'node:crypto';
import { loadSeedData, type SeedData } from '@/lib/seed/data';
import { isoDay } from '@/lib/dates';
import {
  type ImplementationStatus,
  PROGRESS_STEPS,
  type ReviewState,
  SOURCE_TYPES,
  type SourceType,
} from '@/lib/vocabulary';

/**
 * The deterministic synthetic evidence of the benchmark: the same seed and size give the same records, byte for
 * byte, on any machine. Every value is a pure function of (seed, state code, commitment code, record number), so a
 * record can be computed alone (the unit tests do), and the whole set streamed without holding it in memory (the
 * loader in bench/data/load.ts writes it with COPY; an import benchmark can turn the same records into CSV).
 *
 * The model, per member state × member-state commitment pair:
 * - ~4% of pairs have no evidence, ~3% are "not applicable" throughout;
 * - the others start NOT_STARTED (some only years after 2005) and move to IN_PROGRESS, PARTIALLY_IMPLEMENTED and
 *   FULLY_IMPLEMENTED at a speed that depends on the state and on the commitment; ~8% fall back one step for a
 *   while (a regression); so a pair changes status a handful of times, however many observations it has;
 * - observations are spread over 2005-01 … 2026-06 and confirm the status of the trajectory on their day;
 * - each record has 1–4 revisions (mean 1.75): earlier ones verified-then-corrected or returned with a comment,
 *   sometimes with the neighbouring status; the latest is mostly verified, else submitted, draft or returned (more
 *   often for recent observations); about half the records are public.
 */
/** v2: the seed gained paragraph 9's three Charter obligations, so S and L have 32 commitments, not 29. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20120504;

export const BENCH_SIZES = ['xs', 's', 'l'] as const;
export type BenchSize = (typeof BENCH_SIZES)[number];

export interface SizeSpec {
  /** How many member states (the first by code) and commitments (the first by code); null: all. */
  states: number | null;
  commitments: number | null;
  /** Mean evidence records per pair that has evidence. */
  recordsPerPair: number;
}

/** xs: for tests; s: 193 × 32 × ~20 ≈ 120,000 records; l: ≈ 1,100,000 records. */
export const SIZES: Record<BenchSize, SizeSpec> = {
  xs: { states: 6, commitments: 5, recordsPerPair: 4 },
  s: { states: null, commitments: null, recordsPerPair: 20 },
  l: { states: null, commitments: null, recordsPerPair: 186 },
};

/** Synthetic accounts: editors author evidence, reviewers review it; the viewer is the one the benchmark uses. */
export const BENCH_EDITORS = Array.from({ length: 8 }, (_, i) => `bench-editor-${i + 1}@bench.invalid`);
export const BENCH_REVIEWERS = Array.from({ length: 4 }, (_, i) => `bench-reviewer-${i + 1}@bench.invalid`);
export const BENCH_VIEWER = { email: 'bench-viewer@bench.invalid', password: 'synthetic viewer of the benchmark 2012' };

export interface BenchSource {
  type: SourceType;
  url: string | null;
  reference: string | null;
  title: string;
  /** YYYY-MM-DD */
  publishedOn: string;
}

export interface BenchRevision {
  number: number;
  /** YYYY-MM-DD */
  observedOn: string;
  status: ImplementationStatus;
  score: -1 | 0 | 1 | null;
  summary: { en: string; zh?: string };
  visibility: 'INTERNAL' | 'PUBLIC';
  tags: string[];
  state: ReviewState;
  /** Emails of BENCH_EDITORS / BENCH_REVIEWERS. */
  author: string;
  createdAt: Date;
  submittedAt: Date | null;
  reviewer: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  sources: BenchSource[];
}

export interface BenchRecord {
  actorCode: string;
  commitmentCode: string;
  /** 0-based position of the record among the pair's records, in observation order. */
  index: number;
  revisions: BenchRevision[];
}

export interface BenchPair {
  actorCode: string;
  commitmentCode: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Pseudo-randomness: FNV-1a of a key seeds a mulberry32 stream, so any value can be recomputed from its key alone.

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A stream of uniform numbers in [0, 1) determined by the key. */
export function randomStream(...key: (string | number)[]): () => number {
  let a = hash32(key.join(':'));
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const YEAR = 365.25;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
/** The observation window. Review lags add at most ~110 days, so every timestamp falls before 2026-11. */
export const FIRST_DAY = dayNumber('2005-01-01');
export const LAST_DAY = dayNumber('2026-06-30');
const dayNumberToIso = (day: number) => isoDay(new Date(day * DAY_MS));

const STAGES = PROGRESS_STEPS;

export interface PairProfile {
  kind: 'none' | 'not-applicable' | 'tracked';
  /** Evidence records of the pair (0 for 'none'). */
  records: number;
  /** Day number of the first observation. */
  firstDay: number;
  /** Days on which the pair reaches IN_PROGRESS, PARTIALLY_IMPLEMENTED and FULLY_IMPLEMENTED. */
  transitions: [number, number, number];
  /** A period in which the pair is one step behind its trajectory. */
  regression: { from: number; to: number } | null;
  /** Share of the pair's records that are public. */
  publicShare: number;
  /** Index into BENCH_EDITORS of the pair's usual author. */
  editor: number;
}

/** The trajectory of one pair; depends only on the seed, the two codes and the size's records per pair. */
export function pairProfile(seed: number, pair: BenchPair, recordsPerPair: number): PairProfile {
  const state = randomStream(seed, 'state', pair.actorCode);
  const stateSpeed = 0.3 + 1.2 * state();
  const activity = 0.5 + state();
  const editor = Math.floor(state() * BENCH_EDITORS.length);
  const commitmentSpeed = 0.5 + 0.8 * randomStream(seed, 'commitment', pair.commitmentCode)();
  const speed = stateSpeed * commitmentSpeed;
  const r = randomStream(seed, 'pair', pair.actorCode, pair.commitmentCode);
  const u = r();
  const kind = u < 0.04 ? 'none' : u < 0.07 ? 'not-applicable' : 'tracked';
  const span = LAST_DAY - FIRST_DAY;
  const firstDay = FIRST_DAY + (r() < 0.3 ? Math.floor(r() * 0.4 * span) : 0);
  const inProgress = firstDay + (r() * 10 * YEAR) / speed;
  const partial = inProgress + ((1 + r() * 8) * YEAR) / speed;
  const full = partial + ((2 + r() * 12) * YEAR) / speed;
  let regression: PairProfile['regression'] = null;
  if (r() < 0.08) {
    const from = inProgress + r() * Math.max(0, LAST_DAY - inProgress);
    regression = { from, to: from + (0.5 + r() * 1.5) * YEAR };
  }
  const records = kind === 'none' ? 0 : Math.max(1, Math.round(recordsPerPair * activity * (0.7 + 0.6 * r())));
  return {
    kind,
    records,
    firstDay,
    transitions: [inProgress, partial, full],
    regression,
    publicShare: 0.2 + 0.6 * r(),
    editor,
  };
}

/** The status the trajectory gives on a day. */
export function statusOn(profile: PairProfile, day: number): ImplementationStatus {
  if (profile.kind === 'not-applicable') return 'NOT_APPLICABLE';
  let stage = profile.transitions.filter((t) => t <= day).length;
  if (profile.regression && day >= profile.regression.from && day < profile.regression.to && stage > 0) stage -= 1;
  return STAGES[stage]!;
}

function neighbour(status: ImplementationStatus, up: boolean): ImplementationStatus {
  const stage = STAGES.indexOf(status);
  if (stage < 0) return status;
  return STAGES[Math.min(STAGES.length - 1, Math.max(0, stage + (up ? 1 : -1)))]!;
}

const SCORES: Record<ImplementationStatus, -1 | 0 | 1 | null> = {
  NO_INFORMATION: null,
  NOT_STARTED: -1,
  IN_PROGRESS: 0,
  PARTIALLY_IMPLEMENTED: 0,
  FULLY_IMPLEMENTED: 1,
  NOT_APPLICABLE: null,
};

const STATUS_TEXT: Record<ImplementationStatus, { en: string; zh: string }> = {
  NO_INFORMATION: { en: 'no information', zh: '无信息' },
  NOT_STARTED: { en: 'not started', zh: '尚未开始' },
  IN_PROGRESS: { en: 'in progress', zh: '进行中' },
  PARTIALLY_IMPLEMENTED: { en: 'partially implemented', zh: '部分落实' },
  FULLY_IMPLEMENTED: { en: 'fully implemented', zh: '全面落实' },
  NOT_APPLICABLE: { en: 'not applicable', zh: '不适用' },
};

const TAGS = ['legislation', 'reporting', 'capacity', 'cooperation', 'financing'];
const RETURN_COMMENTS = [
  'The source does not support the status; please cite the national law.',
  'Please add the date of the report and a second source.',
  'The summary describes a different commitment.',
];

const at = (day: number, fraction: number) => new Date(Math.round((day + fraction) * DAY_MS));

/** The row function: record `index` of a pair, with its revisions and sources. */
export function evidenceRecord(seed: number, pair: BenchPair, profile: PairProfile, index: number): BenchRecord {
  const r = randomStream(seed, 'record', pair.actorCode, pair.commitmentCode, index);
  const window = LAST_DAY - profile.firstDay;
  const day = Math.floor(profile.firstDay + ((index + r()) / profile.records) * window);
  const observedOn = dayNumberToIso(day);
  const status = statusOn(profile, day);
  const recent = day > LAST_DAY - YEAR;
  const revisionCount = ((u) => (u < 0.5 ? 1 : u < 0.8 ? 2 : u < 0.95 ? 3 : 4))(r());
  const publicRecord = r() < profile.publicShare;
  const u = r();
  const pending = recent ? 0.35 : 0.08;
  const latestState: ReviewState =
    u >= pending ? 'VERIFIED' : u < pending * 0.5 ? 'SUBMITTED' : u < pending * 0.75 ? 'DRAFT' : 'RETURNED';
  const withChinese = r() < 0.5;
  const author = BENCH_EDITORS[r() < 0.85 ? profile.editor : Math.floor(r() * BENCH_EDITORS.length)]!;

  const revisions: BenchRevision[] = [];
  // Each revision is written some days after the previous one was decided (the first: after the observation).
  let clock = day + 1 + Math.floor(r() * 20);
  for (let number = 1; number <= revisionCount; number++) {
    const latest = number === revisionCount;
    const state: ReviewState = latest ? latestState : r() < 0.5 ? 'VERIFIED' : 'RETURNED';
    const revisionStatus = !latest && r() < 0.2 ? neighbour(status, r() < 0.5) : status;
    const createdAt = at(clock, r());
    const submittedAt = state === 'DRAFT' ? null : new Date(createdAt.getTime() + Math.floor(r() * 48 * 3_600_000));
    const decided = state === 'VERIFIED' || state === 'RETURNED';
    const reviewedAt =
      decided && submittedAt ? new Date(submittedAt.getTime() + Math.floor((1 + r() * 9) * DAY_MS)) : null;
    const reviewer = decided ? BENCH_REVIEWERS[Math.floor(r() * BENCH_REVIEWERS.length)]! : null;
    const text = STATUS_TEXT[revisionStatus];
    const summary: BenchRevision['summary'] = {
      en: `Synthetic observation ${index + 1} of ${pair.actorCode} on ${pair.commitmentCode}, revision ${number}: ${text.en}.`,
    };
    if (withChinese)
      summary.zh = `${pair.actorCode} 关于 ${pair.commitmentCode} 的第 ${index + 1} 次合成观察（第 ${number} 版）：${text.zh}。`;
    const sources: BenchSource[] = [];
    const sourceCount = r() < 0.3 ? 2 : 1;
    for (let s = 0; s < sourceCount; s++) {
      const type = SOURCE_TYPES[Math.floor(r() * SOURCE_TYPES.length)]!;
      const linked = r() < 0.7;
      sources.push({
        type,
        url: linked ? `https://bench.invalid/${pair.actorCode}/${pair.commitmentCode}/${index + 1}/${s + 1}` : null,
        reference: linked ? null : `BENCH/${pair.actorCode}/${observedOn.slice(0, 4)}/${index + 1}`,
        title: `Source ${s + 1} for observation ${index + 1}`,
        publishedOn: dayNumberToIso(day - Math.floor(r() * 60)),
      });
    }
    const tagCount = Math.floor(r() * 3);
    revisions.push({
      number,
      observedOn,
      status: revisionStatus,
      score: r() < 0.25 ? null : SCORES[revisionStatus],
      summary,
      visibility: publicRecord ? 'PUBLIC' : 'INTERNAL',
      tags: TAGS.slice(Math.floor(r() * TAGS.length)).slice(0, tagCount),
      state,
      author,
      createdAt,
      submittedAt,
      reviewer,
      reviewedAt,
      reviewComment: state === 'RETURNED' ? RETURN_COMMENTS[Math.floor(r() * RETURN_COMMENTS.length)]! : null,
      sources,
    });
    clock = (reviewedAt ?? submittedAt ?? createdAt).getTime() / DAY_MS + 1 + Math.floor(r() * 10);
  }
  return { actorCode: pair.actorCode, commitmentCode: pair.commitmentCode, index, revisions };
}

/** The member states and member-state commitments of a size, each sorted by code. */
export function benchPairs(size: BenchSize, data: Pick<SeedData, 'documents' | 'memberStates'> = loadSeedData()) {
  const spec = SIZES[size];
  const states = data.memberStates.map((state) => state.code).sort();
  const commitments = data.documents
    .flatMap((document) => document.commitments)
    .filter((commitment) => commitment.addressee === 'MEMBER_STATES')
    .map((commitment) => commitment.code)
    .sort();
  return {
    states: spec.states === null ? states : states.slice(0, spec.states),
    commitments: spec.commitments === null ? commitments : commitments.slice(0, spec.commitments),
  };
}

/**
 * A short fingerprint (16 hex digits of SHA-256) of the states and commitments a size covers. The records depend on
 * the seed data through them, so the loader records it and reloads when the shipped commitments change.
 */
export function pairsFingerprint(pairs: { states: string[]; commitments: string[] }): string {
  return createHash('sha256')
    .update(`${pairs.states.join(',')}|${pairs.commitments.join(',')}`)
    .digest('hex')
    .slice(0, 16);
}

export interface GenerateOptions {
  size: BenchSize;
  seed?: number;
  /** Defaults to the shipped seed data. */
  pairs?: { states: string[]; commitments: string[] };
}

/**
 * Every record of a size, state by state, commitment by commitment, in observation order. A generator: the L size
 * is never held in memory. For an import benchmark: `for (const record of generateEvidence({ size: 's' })) …`.
 */
export function* generateEvidence({ size, seed = DEFAULT_SEED, pairs }: GenerateOptions): Generator<BenchRecord> {
  const { states, commitments } = pairs ?? benchPairs(size);
  const { recordsPerPair } = SIZES[size];
  for (const actorCode of states) {
    for (const commitmentCode of commitments) {
      const pair = { actorCode, commitmentCode };
      const profile = pairProfile(seed, pair, recordsPerPair);
      for (let index = 0; index < profile.records; index++) yield evidenceRecord(seed, pair, profile, index);
    }
  }
}
