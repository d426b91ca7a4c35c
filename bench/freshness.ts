import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@/lib/db';
import { refreshPairRollups } from '@/lib/evidence/rollups';
import { generateApiToken } from '@/lib/auth/api-tokens';
import { BENCH_EDITORS, BENCH_REVIEWERS } from './data/generator';
import { isoDay } from '@/lib/dates';

export interface FreshnessResult {
  rounds: number;
  /** The pair whose status each round changes: a member state's code and a commitment code. */
  pair: { actor: string; commitment: string };
  /** Per round, ms from the verify response to the end of the first country-page response showing the new status. */
  visibleAfterMs: number[];
  /** Per round, how many requests it took until the page showed it (1 = the very next one). */
  requestsUntilVisible: number[];
  /** Per page key, ms of the first request after each verification (all pages requested at once). */
  firstRequestMs: Record<string, number[]>;
}

interface Page {
  key: string;
  path: string;
}

const STATUS_LABELS = (
  JSON.parse(readFileSync(join(process.cwd(), 'messages', 'en', 'status.json'), 'utf8')) as {
    status: { implementation: Record<string, string> };
  }
).status;
const ROUND_STATUSES = ['FULLY_IMPLEMENTED', 'NOT_STARTED'] as const;
const MAX_TRIES = 20;

interface BenchUser {
  id: number;
  countryScope: string[];
}

async function benchUser(db: Database, email: string): Promise<BenchUser> {
  const user = await db.prisma.user.findUniqueOrThrow({
    where: { email },
    include: { countryScope: { include: { actor: { select: { code: true } } } } },
  });
  return { id: user.id, countryScope: user.countryScope.map((scope) => scope.actor.code) };
}

/**
 * A read-write API token for a bench user, written as the bench loader writes its users: the bench's editors
 * and reviewers have no password to sign in with (bench/data/load.ts), so nobody could make one through the app.
 */
async function tokenOf(db: Database, user: BenchUser): Promise<{ id: number; secret: string }> {
  const { secret, prefix, secretHash } = generateApiToken();
  const token = await db.prisma.apiToken.create({
    data: {
      userId: user.id,
      name: 'benchmark freshness',
      scope: 'READ_WRITE',
      prefix,
      secretHash,
      expiresAt: new Date(Date.now() + 86_400_000),
      createdById: user.id,
    },
  });
  return { id: token.id, secret };
}

/** The status shown in the country page's row of a commitment (`<tr id="c-CODE">…</tr>`), or null. */
function rowStatus(html: string, commitment: string): string | null {
  const start = html.indexOf(`id="c-${commitment}"`);
  if (start < 0) return null;
  const row = html.slice(start, html.indexOf('</tr>', start));
  return Object.entries(STATUS_LABELS.implementation).find(([, label]) => row.includes(`>${label}<`))?.[0] ?? null;
}

async function timed(url: string, cookie: string): Promise<{ ms: number; html: string; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const html = await response.text();
  return { ms: performance.now() - started, html, status: response.status };
}

/**
 * Measures how soon a verification reaches the readers: each round an editor records and submits evidence with a
 * new status on one pair through the JSON API (`POST /api/v1/evidence`), a reviewer verifies it
 * (`POST /api/v1/evidence/{id}/review`), and at the moment the verify response arrives every page in `pages` is
 * requested at once, as the signed-in viewer (`cookie`). The country page of the pair must show the new status;
 * it is requested again until it does (at most 20 times, which would be a stale dashboard). The records made are
 * deleted afterwards and the pair's rollups rebuilt, so the benchmark data stays as loaded. Throws when the API
 * refuses a write or the page never shows the status.
 */
export async function measureFreshness(
  db: Database,
  base: string,
  cookie: string,
  pages: Page[],
  rounds = 10,
): Promise<FreshnessResult> {
  const editor = await benchUser(db, BENCH_EDITORS[0]!);
  const reviewer = await benchUser(db, BENCH_REVIEWERS[0]!);
  // A member state the editor may write for, and a commitment on member states.
  const actor = await db.prisma.actor.findFirstOrThrow({
    where: { kind: 'MEMBER_STATE', ...(editor.countryScope.length ? { code: { in: editor.countryScope } } : {}) },
    orderBy: { code: 'asc' },
  });
  const commitment = await db.prisma.commitment.findFirstOrThrow({
    where: { addressee: 'MEMBER_STATES' },
    orderBy: { code: 'asc' },
  });
  const [latest] = await db.prisma.$queryRaw<{ observed: Date | null }[]>`
    SELECT max(r."observedOn") AS observed FROM "EvidenceRevision" r JOIN "Evidence" e ON e.id = r."evidenceId"
    WHERE e."actorId" = ${actor.id} AND e."commitmentId" = ${commitment.id}`;
  // Each round observes a day later than anything on record, so its status is the pair's current one.
  const firstDay = Math.min(
    (latest?.observed?.getTime() ?? Date.UTC(2020, 0, 1)) + 86_400_000,
    Date.now() - rounds * 86_400_000,
  );
  const editorToken = await tokenOf(db, editor);
  const reviewerToken = await tokenOf(db, reviewer);
  const api = (secret: string) => ({
    authorization: `Bearer ${secret}`,
    'content-type': 'application/json',
    origin: base,
  });
  const countryPath = `/en/countries/${actor.code}`;
  const created: number[] = [];
  const result: FreshnessResult = {
    rounds,
    pair: { actor: actor.code, commitment: commitment.code },
    visibleAfterMs: [],
    requestsUntilVisible: [],
    firstRequestMs: Object.fromEntries([...pages.map((page) => [page.key, []]), ['country-of-pair', []]]),
  };
  try {
    for (let round = 0; round < rounds; round++) {
      const status = ROUND_STATUSES[round % ROUND_STATUSES.length]!;
      const observedOn = isoDay(new Date(firstDay + round * 86_400_000));
      const write = await fetch(`${base}/api/v1/evidence`, {
        method: 'POST',
        headers: api(editorToken.secret),
        body: JSON.stringify({
          actorCode: actor.code,
          commitmentCode: commitment.code,
          observedOn,
          status,
          summaryEn: `Benchmark freshness round ${round + 1}.`,
          sources: [{ type: 'OTHER', url: 'https://example.org/bench' }],
          visibility: 'INTERNAL',
          intent: 'submit',
        }),
      });
      if (write.status !== 201) throw new Error(`POST /api/v1/evidence: HTTP ${write.status} ${await write.text()}`);
      const { id } = ((await write.json()) as { data: { id: number } }).data;
      created.push(id);
      const verify = await fetch(`${base}/api/v1/evidence/${id}/review`, {
        method: 'POST',
        headers: { ...api(reviewerToken.secret), 'if-match': '*' },
        body: JSON.stringify({ decision: 'verify' }),
      });
      if (verify.status !== 200) throw new Error(`review: HTTP ${verify.status} ${await verify.text()}`);
      await verify.arrayBuffer();
      const verifiedAt = performance.now();
      const [country, ...first] = await Promise.all([
        timed(`${base}${countryPath}`, cookie),
        ...pages.map((page) => timed(`${base}${page.path}`, cookie)),
      ]);
      result.firstRequestMs['country-of-pair']!.push(country!.ms);
      pages.forEach((page, index) => result.firstRequestMs[page.key]!.push(first[index]!.ms));
      let seen = country!;
      let tries = 1;
      while (rowStatus(seen.html, commitment.code) !== status) {
        if (tries === MAX_TRIES) {
          throw new Error(`${countryPath} still does not show ${status} after ${MAX_TRIES} requests (stale dashboard)`);
        }
        seen = await timed(`${base}${countryPath}`, cookie);
        tries++;
      }
      result.visibleAfterMs.push(performance.now() - verifiedAt);
      result.requestsUntilVisible.push(tries);
    }
  } finally {
    await db.prisma.$transaction(async (tx) => {
      await tx.evidence.deleteMany({ where: { id: { in: created } } });
      await refreshPairRollups(tx, actor.id, commitment.id);
    });
    await db.prisma.apiToken.deleteMany({ where: { id: { in: [editorToken.id, reviewerToken.id] } } });
  }
  return result;
}
