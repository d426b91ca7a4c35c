import { type z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { countCsvRecords, CsvSyntaxError, parseCsv, sniffSeparator, type CsvRecord } from '@/lib/csv';
import { targetViolations, writeViolations, type RuleField, type RuleViolation } from '@/lib/evidence/rules';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RawDb } from '@/lib/raw-sql';
import { staleSaveError } from '@/lib/operations/version-claim';
import {
  readHeader,
  SOURCE_FIELDS,
  sourceColumn,
  spreadsheetColumn,
  type EvidenceHeader,
  type ExportSource,
} from '@/lib/transfer/evidence-csv';
import { canonicalActorCode, canonicalCommitmentCode } from '@/lib/validation/codes';
import { EvidenceFields } from '@/lib/validation/evidence';
import { parseInput } from '@/lib/validation/primitives';
import type { ImportDuplicates, ImportIntent } from '@/lib/validation/transfer';

/**
 * Evidence import from the export's own CSV format. `planEvidenceImport` reads and checks every row — the same zod
 * schema as the entry form, the same evidence rules as every door (lib/evidence/rules.ts, applied per row in memory
 * to what is loaded in bulk), the version each updated row names — and says what an import would do: rows to
 * create (no id), new rows that duplicate a record or an earlier row, rows to update (an id whose fields differ
 * from its latest revision), rows unchanged, and every bad row with its line, column and reason.
 * `applyEvidenceImport` does it inside the caller's transaction, in set-based statements (INSERT … SELECT FROM
 * json_to_recordset, a chunk of rows as one JSON parameter), never one round trip per row.
 */
type Fields = z.output<typeof EvidenceFields>;
type Db = RawDb;

/** `reason` is a key of the "validation" namespace, optionally followed by ":" and a detail. */
export interface ImportProblem {
  line: number;
  column: string;
  reason: string;
}

export interface PlannedRow {
  line: number;
  fields: Fields;
  actorId: number;
  commitmentId: number;
}

export interface PlannedUpdate extends PlannedRow {
  id: number;
  version: number;
  number: number;
  previousRevisionId: number;
  /** The pair the record belonged to before, when the import moves it to another actor or commitment. */
  previousPair: { actorId: number; commitmentId: number } | null;
}

/**
 * A row without an id that would create a record equal to one that exists (`recordId`) or to an earlier row of
 * the file (`line`): same actor, commitment, observed date, status and both summaries (see `duplicateKey`).
 */
export interface PlannedDuplicate extends PlannedRow {
  duplicateOf: { recordId: number } | { line: number };
}

export interface ImportPlan {
  /** Data rows in the file (the header not counted). */
  rows: number;
  /** New records that duplicate nothing. */
  creates: PlannedRow[];
  /** New records that duplicate a record or an earlier row: created only when the user chooses so. */
  duplicates: PlannedDuplicate[];
  updates: PlannedUpdate[];
  unchanged: number;
  problems: ImportProblem[];
}

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

export class ImportLimitError extends Error {
  constructor(
    /** "importTooLarge" or "importTooManyRows": a key of the "transfer" namespace, with `limit` as its value. */
    readonly code: 'importTooLarge' | 'importTooManyRows',
    readonly limit: number,
  ) {
    super(
      code === 'importTooLarge'
        ? `The file is larger than the import limit of ${limit} MB (IMPORT_MAX_MB).`
        : `The file has more rows than the import limit of ${limit} (IMPORT_MAX_ROWS).`,
    );
  }
}

/** Refuses a file over the size or row limit before it is parsed (the row count is a quote-aware byte scan). */
export function checkImportLimits(bytes: Uint8Array, limits: ImportLimits): void {
  if (bytes.length > limits.maxBytes) throw new ImportLimitError('importTooLarge', limits.maxBytes / 1024 / 1024);
  // The header is not a data row.
  if (countCsvRecords(bytes) - 1 > limits.maxRows) throw new ImportLimitError('importTooManyRows', limits.maxRows);
}

const FIELD_COLUMNS: Record<string, string> = {
  actorCode: 'actor_code',
  commitmentCode: 'commitment_code',
  observedOn: 'observed_on',
  status: 'status',
  score: 'score',
  summaryZh: 'summary_zh',
  summaryEn: 'summary_en',
  visibility: 'visibility',
  tags: 'tags',
};
const SOURCE_FIELD_COLUMNS: Record<string, (typeof SOURCE_FIELDS)[number]> = {
  type: 'type',
  url: 'url',
  reference: 'reference',
  title: 'title',
  publishedOn: 'published_on',
};

/** The column a zod issue path points at; `groups` maps the index of a non-empty source to its column group. */
function columnOf(path: PropertyKey[], groups: number[]): string {
  const [head, index, field] = path;
  if (head === 'sources') {
    if (typeof index !== 'number') return sourceColumn(0, 'type');
    return sourceColumn(groups[index] ?? index, SOURCE_FIELD_COLUMNS[String(field)] ?? 'type');
  }
  return FIELD_COLUMNS[String(head)] ?? String(head ?? '');
}

interface ParsedRow {
  line: number;
  id: number | null;
  version: number | null;
  fields: Fields;
}

/** A row that failed its own checks, kept so that its codes are still checked against the database. */
interface FailedRow {
  line: number;
  actorCode: string | null;
  commitmentCode: string | null;
}

/** The id of a row: null when empty, NaN when it is not a record number. */
function idOf(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : /^\d{1,9}$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : NaN;
}

/**
 * Reads one data row by the header's column names. Cells go to the evidence schema as they are: it alone trims
 * and normalises them, exactly as for the form and the API, so that an exported value reads back unchanged.
 */
function readRow(
  record: CsvRecord,
  header: EvidenceHeader,
  problems: ImportProblem[],
  intent: ImportIntent,
): { ok: true; row: ParsedRow } | { ok: false; row: FailedRow } {
  const { line, cells } = record;
  const at = (name: string) => cells[header.index.get(name)!] ?? '';
  const before = problems.length;
  for (const position of header.unnamed) {
    if ((cells[position] ?? '').trim() !== '') {
      problems.push({ line, column: spreadsheetColumn(position), reason: 'importCellWithoutColumn' });
    }
  }
  const id = idOf(at('id'));
  const versionText = at('version').trim();
  if (Number.isNaN(id)) problems.push({ line, column: 'id', reason: 'importIdInvalid' });
  const version = versionText === '' ? null : /^\d{1,9}$/.test(versionText) ? Number(versionText) : NaN;
  // A version is asked for only when the id is a record number; a bad id has its own reason already.
  if (id !== null && !Number.isNaN(id) && (version === null || Number.isNaN(version) || version < 1)) {
    problems.push({ line, column: 'version', reason: 'importVersionRequired' });
  }
  const sources: Record<string, string>[] = [];
  const groups: number[] = [];
  for (const group of header.sourceGroups) {
    const values = SOURCE_FIELDS.map((field) => at(sourceColumn(group, field)));
    // An all-empty group is no source: the format has a fixed number of source columns.
    if (values.every((value) => value.trim() === '')) continue;
    groups.push(group);
    sources.push({
      type: values[0]!,
      url: values[1]!,
      reference: values[2]!,
      title: values[3]!,
      publishedOn: values[4]!,
    });
  }
  const parsed = parseInput(EvidenceFields, {
    actorCode: at('actor_code'),
    commitmentCode: at('commitment_code'),
    observedOn: at('observed_on'),
    status: at('status'),
    score: at('score'),
    summaryZh: at('summary_zh'),
    summaryEn: at('summary_en'),
    visibility: at('visibility'),
    tags: at('tags'),
    sources,
    // A row imported as a draft needs only its codes; one imported for review must be complete.
    intent: intent === 'draft' ? 'draft' : 'submit',
  });
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      problems.push({ line, column: columnOf(issue.path, groups), reason: issue.message });
    }
  }
  if (problems.length > before || !parsed.success) {
    // Every problem of the row is reported at once: codes the schema accepted are still looked up.
    const flagged = new Set(problems.slice(before).map((problem) => problem.column));
    return {
      ok: false,
      row: {
        line,
        actorCode: flagged.has('actor_code') ? null : canonicalActorCode(at('actor_code')) || null,
        commitmentCode: flagged.has('commitment_code') ? null : canonicalCommitmentCode(at('commitment_code')) || null,
      },
    };
  }
  return { ok: true, row: { line, id, version, fields: parsed.data } };
}

interface ExistingRecord {
  id: number;
  version: number;
  state: string;
  latestRevision: number;
  createdById: number;
  latestAuthorId: number;
  actorId: number;
  commitmentId: number;
  actorCode: string;
  commitmentCode: string;
  revisionId: number;
  /** Null only in a draft. */
  observedOn: string | null;
  status: string | null;
  score: number | null;
  summary: { zh?: string; en?: string } | null;
  visibility: string;
  tags: string[];
  sources: ExportSource[];
}

const LOOKUP_CHUNK = 5000;

async function existingRecords(db: Db, ids: number[], lock: boolean): Promise<Map<number, ExistingRecord>> {
  const found = new Map<number, ExistingRecord>();
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    const chunk = ids.slice(start, start + LOOKUP_CHUNK);
    const rows = await db.$queryRaw<ExistingRecord[]>`
      SELECT e.id, e.version, e.state::text AS state, e."latestRevision", e."createdById",
             r."authorId" AS "latestAuthorId", e."actorId", e."commitmentId",
             a.code AS "actorCode", c.code AS "commitmentCode", r.id AS "revisionId",
             to_char(r."observedOn", 'YYYY-MM-DD') AS "observedOn", r.status::text AS status, r.score, r.summary,
             r.visibility::text AS visibility, COALESCE(r.tags, '{}') AS tags,
             COALESCE((
               SELECT json_agg(json_build_object('type', s.type, 'url', s.url, 'reference', s.reference,
                                                 'title', s.title, 'publishedOn', s."publishedOn")
                               ORDER BY s."sortOrder")
               FROM "EvidenceSource" s WHERE s."revisionId" = r.id
             ), '[]'::json) AS sources
      FROM "Evidence" e
      JOIN "EvidenceRevision" r ON r."evidenceId" = e.id AND r.number = e."latestRevision"
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      WHERE e.id = ANY(${chunk}::int[])
      ${lock ? Prisma.sql`FOR UPDATE OF e` : Prisma.empty}`;
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/** A comparable form of a record's fields, so that a row that changes nothing is counted, not written. */
function canonical(fields: {
  actorCode: string;
  commitmentCode: string;
  observedOn?: string | null;
  status?: string | null;
  score: number | null;
  summaryZh: string | null;
  summaryEn: string | null;
  visibility: string;
  tags: string[];
  sources: ExportSource[];
}): string {
  return JSON.stringify([
    fields.actorCode,
    fields.commitmentCode,
    fields.observedOn ?? null,
    fields.status ?? null,
    fields.score,
    fields.summaryZh,
    fields.summaryEn,
    fields.visibility,
    fields.tags,
    fields.sources.map((source) => [
      source.type,
      source.url ?? null,
      source.reference ?? null,
      source.title ?? null,
      source.publishedOn ?? null,
    ]),
  ]);
}

function canonicalOfFields(fields: Fields): string {
  return canonical({
    ...fields,
    summaryZh: fields.summaryZh ?? null,
    summaryEn: fields.summaryEn ?? null,
    sources: fields.sources.map((source) => ({
      type: source.type,
      url: source.url ?? null,
      reference: source.reference ?? null,
      title: source.title ?? null,
      publishedOn: source.publishedOn ?? null,
    })),
  });
}

function canonicalOfRecord(record: ExistingRecord): string {
  return canonical({
    ...record,
    summaryZh: record.summary?.zh ?? null,
    summaryEn: record.summary?.en ?? null,
  });
}

/** The CSV column of a field the evidence rules name. */
const RULE_COLUMNS: Record<Exclude<RuleField, 'record'>, string> = {
  actorCode: 'actor_code',
  commitmentCode: 'commitment_code',
};

/**
 * What makes two new records the same: actor, commitment, observed date, status and both summaries (each trimmed
 * of surrounding white space, as every door stores it; a missing summary equals an empty one), compared exactly.
 */
function duplicateKey(row: PlannedRow): string {
  const { fields } = row;
  return JSON.stringify([
    row.actorId,
    row.commitmentId,
    fields.observedOn,
    fields.status,
    fields.summaryZh?.trim() ?? '',
    fields.summaryEn?.trim() ?? '',
  ]);
}

/**
 * Rows as one JSON text parameter, for `json_to_recordset(…::json) AS u(column type, …)`: a chunk of thousands of
 * rows costs one native JSON.stringify here and one C parse in the database, where an array parameter per column
 * cost the driver a conversion per element (most of the import's time outside the database). Keys are the
 * recordset's column names; absent keys and nulls read as NULL; a nested array reads into an array column and an
 * object into a jsonb column.
 */
function recordset(rows: object[]): string {
  return JSON.stringify(rows);
}

/**
 * For each row, the lowest id of a record whose latest revision has the row's `duplicateKey`, keyed by line: one
 * statement for all the rows (the caller passes at most a chunk of them), joined on the (actor, commitment) index.
 */
async function matchingRecords(db: Db, rows: PlannedRow[]): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map();
  const found = await db.$queryRaw<{ line: number; id: number }[]>`
    SELECT DISTINCT ON (k.line) k.line, e.id
    FROM json_to_recordset(${recordset(
      rows.map(({ line, actorId, commitmentId, fields }) => ({
        line,
        actor: actorId,
        commitment: commitmentId,
        observed: fields.observedOn,
        status: fields.status,
        zh: fields.summaryZh?.trim() ?? '',
        en: fields.summaryEn?.trim() ?? '',
      })),
    )}::json) AS k(line int, actor int, commitment int, observed date, status text, zh text, en text)
    JOIN "Evidence" e ON e."actorId" = k.actor AND e."commitmentId" = k.commitment
    JOIN "EvidenceRevision" r ON r."evidenceId" = e.id AND r.number = e."latestRevision"
    WHERE r."observedOn" = k.observed AND r.status::text = k.status
      AND btrim(COALESCE(r.summary->>'zh', ''), E' \t\r\n') = k.zh
      AND btrim(COALESCE(r.summary->>'en', ''), E' \t\r\n') = k.en
    ORDER BY k.line, e.id`;
  return new Map(found.map((match) => [match.line, match.id]));
}

/** Rows checked between two writes when an import is applied: large enough for efficient statements. */
const PLAN_CHUNK = 5000;
/** Rows checked between two turns of the event loop, so that a pending write keeps moving meanwhile. */
const YIELD_EVERY = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What importing `text` would do for `user`. Reads only; with `lock` (inside the applying transaction) the
 * records to update are locked first, so that nobody can change them between the check and the write.
 *
 * With `onChunk`, the rows are checked in chunks and each chunk's plan is handed over as long as no problem has
 * been found, so that the caller writes one chunk while the next is being checked (the database and the checks
 * then run at the same time). The caller must still refuse, and roll back, when the returned plan has problems.
 */
export async function planEvidenceImport(
  db: Db,
  user: CurrentUser,
  text: string,
  {
    lock = false,
    onChunk,
    intent = 'draft',
  }: { lock?: boolean; onChunk?: (part: ImportPlan) => Promise<void>; intent?: ImportIntent } = {},
): Promise<ImportPlan> {
  const plan: ImportPlan = { rows: 0, creates: [], duplicates: [], updates: [], unchanged: 0, problems: [] };
  const separator = sniffSeparator(text);
  if (separator !== ',') {
    plan.problems.push({
      line: 1,
      column: '',
      reason: separator === ';' ? 'importSeparatorSemicolon' : 'importSeparatorTab',
    });
    return plan;
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    plan.problems.push({ line: error.line, column: '', reason: `importCsvSyntax:${error.message}` });
    return plan;
  }
  const [headerRecord, ...dataRecords] = records;
  plan.rows = dataRecords.length;
  if (!headerRecord) {
    plan.problems.push({ line: 1, column: '', reason: 'importEmpty' });
    return plan;
  }
  const headerRead = readHeader(headerRecord.cells);
  if (!headerRead.ok) {
    plan.problems.push(...headerRead.problems.map((problem) => ({ line: headerRecord.line, ...problem })));
    return plan;
  }
  const { header } = headerRead;
  const width = headerRecord.cells.length;

  const [actors, commitments] = await Promise.all([
    db.$queryRaw<{ id: number; code: string; kind: string }[]>`SELECT id, code, kind::text AS kind FROM "Actor"`,
    db.$queryRaw<{ id: number; code: string; addressee: string }[]>`
      SELECT id, code, addressee::text AS addressee FROM "Commitment"`,
  ]);
  const actorByCode = new Map(actors.map((actor) => [actor.code, actor]));
  const commitmentByCode = new Map(commitments.map((commitment) => [commitment.code, commitment]));
  // The records the file names, read (and locked) once, before any row is checked.
  const ids = new Set<number>();
  for (const record of dataRecords) {
    const id = idOf(record.cells[header.index.get('id')!] ?? '');
    if (id !== null && !Number.isNaN(id)) ids.add(id);
  }
  const existing = await existingRecords(db, [...ids], lock);
  const seenIds = new Set<number>();

  const state = REVIEW_STATE[intent];
  /** A violation of the evidence rules as a problem of the row, in the column the rule is about. */
  const report = (line: number, hasId: boolean) => (found: RuleViolation) =>
    plan.problems.push({
      line,
      column: found.field === 'record' ? (hasId ? 'id' : '') : RULE_COLUMNS[found.field],
      reason: found.reason,
    });

  function checkRow(row: ParsedRow, part: ImportPlan) {
    const { line, fields } = row;
    const problem = (column: string, reason: string) => plan.problems.push({ line, column, reason });
    const before = plan.problems.length;
    const actor = actorByCode.get(fields.actorCode) ?? null;
    const commitment = commitmentByCode.get(fields.commitmentCode) ?? null;
    let record: ExistingRecord | undefined;
    if (row.id !== null) {
      if (seenIds.has(row.id)) problem('id', 'importDuplicateId');
      else if (!existing.has(row.id)) problem('id', 'evidenceNotFound');
      else record = existing.get(row.id);
      seenIds.add(row.id);
    }
    const changes =
      row.id === null || (record !== undefined && canonicalOfFields(fields) !== canonicalOfRecord(record));
    const violations = writeViolations({ user, actor, commitment, record: record ?? null, state, changes });
    violations.forEach(report(line, row.id !== null));
    if (record && !violations.some((found) => found.field === 'record') && record.version !== row.version) {
      problem('version', `importStaleVersion:${record.version}`);
    }
    if (plan.problems.length > before) return;
    const planned = { line, fields, actorId: actor!.id, commitmentId: commitment!.id };
    if (!record) {
      part.creates.push(planned);
    } else if (!changes) {
      part.unchanged++;
    } else {
      const moved = record.actorId !== planned.actorId || record.commitmentId !== planned.commitmentId;
      part.updates.push({
        ...planned,
        id: record.id,
        version: record.version,
        number: record.latestRevision + 1,
        previousRevisionId: record.revisionId,
        previousPair: moved ? { actorId: record.actorId, commitmentId: record.commitmentId } : null,
      });
    }
  }

  /** Codes of a row that failed its own checks are still looked up, so that every problem shows at once. */
  function checkFailedRow(row: FailedRow) {
    const lookup = <T>(code: string | null, map: Map<string, T>) =>
      code === null ? undefined : (map.get(code) ?? null);
    targetViolations(user, lookup(row.actorCode, actorByCode), lookup(row.commitmentCode, commitmentByCode)).forEach(
      report(row.line, false),
    );
  }

  // Rows that would create a record are compared with the records (and the earlier rows) of the same key.
  const firstLineOfKey = new Map<string, number>();
  async function flagDuplicates(part: ImportPlan) {
    const fresh: PlannedRow[] = [];
    for (const row of part.creates) {
      const key = duplicateKey(row);
      const first = firstLineOfKey.get(key);
      if (first === undefined) {
        firstLineOfKey.set(key, row.line);
        fresh.push(row);
      } else {
        part.duplicates.push({ ...row, duplicateOf: { line: first } });
      }
    }
    const matches = await matchingRecords(db, fresh);
    part.creates = [];
    for (const row of fresh) {
      const recordId = matches.get(row.line);
      if (recordId === undefined) part.creates.push(row);
      else part.duplicates.push({ ...row, duplicateOf: { recordId } });
    }
    part.duplicates.sort((a, b) => a.line - b.line);
  }

  let writing: Promise<void> | null = null;
  for (let start = 0; start < dataRecords.length; start += PLAN_CHUNK) {
    const part: ImportPlan = { rows: 0, creates: [], duplicates: [], updates: [], unchanged: 0, problems: [] };
    const chunk = dataRecords.slice(start, start + PLAN_CHUNK);
    for (let index = 0; index < chunk.length; index++) {
      if (onChunk && writing && index % YIELD_EVERY === 0) await nextTurn();
      const record = chunk[index]!;
      part.rows++;
      if (record.cells.length !== width) {
        plan.problems.push({ line: record.line, column: '', reason: `importColumnCount:${record.cells.length}` });
        continue;
      }
      const read = readRow(record, header, plan.problems, intent);
      if (read.ok) checkRow(read.row, part);
      else checkFailedRow(read.row);
    }
    await flagDuplicates(part);
    plan.creates.push(...part.creates);
    plan.duplicates.push(...part.duplicates);
    plan.updates.push(...part.updates);
    plan.unchanged += part.unchanged;
    if (onChunk && plan.problems.length === 0) {
      await writing;
      writing = onChunk(part);
      // Handled when awaited below; this only keeps a failure from counting as unhandled meanwhile.
      writing.catch(() => {});
      await nextTurn();
    }
  }
  await writing;
  plan.problems.sort((a, b) => a.line - b.line);
  plan.duplicates.sort((a, b) => a.line - b.line);
  return plan;
}

const WRITE_CHUNK = 5000;

function chunks<T>(items: T[], size = WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** `count` ids from the sequence of `table`, in one row (an array), not a row each. */
async function nextIds(tx: Prisma.TransactionClient, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const [row] = await tx.$queryRaw<{ ids: number[] }[]>`
    SELECT array_agg(nextval(pg_get_serial_sequence(${`"${table}"`}, 'id'))::int) AS ids
    FROM generate_series(1, ${count})`;
  return row!.ids;
}

interface RevisionRow {
  id: number;
  evidenceId: number;
  number: number;
  fields: Fields;
}

const REVIEW_STATE: Record<ImportIntent, 'DRAFT' | 'SUBMITTED' | 'VERIFIED'> = {
  draft: 'DRAFT',
  submit: 'SUBMITTED',
  verify: 'VERIFIED',
};

async function insertRevisions(
  tx: Prisma.TransactionClient,
  rows: RevisionRow[],
  user: CurrentUser,
  intent: ImportIntent,
) {
  const state = REVIEW_STATE[intent];
  const submitted = intent !== 'draft';
  const reviewed = intent === 'verify';
  for (const chunk of chunks(rows)) {
    const revisions = chunk.map(({ id, evidenceId, number, fields }) => ({
      id,
      evidence: evidenceId,
      number,
      observed: fields.observedOn,
      status: fields.status,
      score: fields.score,
      summary: {
        ...(fields.summaryZh ? { zh: fields.summaryZh } : {}),
        ...(fields.summaryEn ? { en: fields.summaryEn } : {}),
      },
      visibility: fields.visibility,
      tags: fields.tags,
    }));
    await tx.$executeRaw`
      INSERT INTO "EvidenceRevision" (id, "evidenceId", number, "observedOn", status, score, summary, visibility, tags,
                                      state, "authorId", "createdAt", "submittedAt", "reviewerId", "reviewedAt")
      SELECT u.id, u.evidence, u.number, u.observed, u.status::"ImplementationStatus", u.score, u.summary,
             u.visibility::"Visibility", u.tags,
             ${state}::"ReviewState", ${user.id}, now(), ${submitted ? Prisma.sql`now()` : Prisma.sql`NULL`},
             ${reviewed ? user.id : null}::int, ${reviewed ? Prisma.sql`now()` : Prisma.sql`NULL`}
      FROM json_to_recordset(${recordset(revisions)}::json)
           AS u(id int, evidence int, number int, observed date, status text, score int, summary jsonb,
                visibility text, tags text[])`;
    const sources = chunk.flatMap((row) =>
      row.fields.sources.map((source, sort) => ({
        revision: row.id,
        sort,
        type: source.type,
        url: source.url,
        reference: source.reference,
        title: source.title,
        published: source.publishedOn,
      })),
    );
    for (const part of chunks(sources)) {
      await tx.$executeRaw`
        INSERT INTO "EvidenceSource" ("revisionId", type, url, reference, title, "publishedOn", "sortOrder")
        SELECT u.revision, u.type::"SourceType", u.url, u.reference, u.title, u.published, u.sort
        FROM json_to_recordset(${recordset(part)}::json)
             AS u(revision int, type text, url text, reference text, title text, published date, sort int)`;
    }
  }
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows that duplicate a record or an earlier row, and whether they were created or skipped. */
  duplicates: number;
  duplicatesCreated: number;
  /** Ids of the records created, in the order of their rows. */
  createdIds: number[];
  /**
   * The country × commitment pairs whose status rollups the written rows change: the caller rebuilds them once,
   * after its last write (refreshRollupsForPairs), so that their locks are taken together and in order.
   */
  rollupPairs: { actorId: number; commitmentId: number }[];
}

/**
 * Carries out a plan without problems inside the caller's transaction. Rows that duplicate a record or an earlier
 * row are created only with `duplicates: 'create'`; by default they are skipped. The caller then rebuilds the
 * returned `rollupPairs`.
 */
export async function applyEvidenceImport(
  tx: Prisma.TransactionClient,
  user: CurrentUser,
  plan: ImportPlan,
  intent: ImportIntent,
  duplicates: ImportDuplicates = 'skip',
): Promise<ImportResult> {
  if (plan.problems.length > 0) throw new Error('applyEvidenceImport: the plan has problems');
  const state = REVIEW_STATE[intent];
  const creates =
    duplicates === 'create' ? [...plan.creates, ...plan.duplicates].sort((a, b) => a.line - b.line) : plan.creates;
  // The rules refuse every such row (nobody reviews their own record); this keeps it so should they ever not.
  if (state === 'VERIFIED' && creates.length + plan.updates.length > 0) {
    throw new Error('applyEvidenceImport: imported rows are never verified by their importer');
  }

  const evidenceIds = await nextIds(tx, 'Evidence', creates.length);
  for (const chunk of chunks(creates.map((row, index) => ({ ...row, id: evidenceIds[index]! })))) {
    await tx.$executeRaw`
      INSERT INTO "Evidence" (id, "actorId", "commitmentId", version, state, "latestRevision", "createdById",
                              "createdAt", "updatedAt")
      SELECT u.id, u.actor, u.commitment, 1, ${state}::"ReviewState", 1, ${user.id}, now(), now()
      FROM json_to_recordset(${recordset(
        chunk.map((row) => ({ id: row.id, actor: row.actorId, commitment: row.commitmentId })),
      )}::json) AS u(id int, actor int, commitment int)`;
  }

  for (const chunk of chunks(plan.updates)) {
    // The optimistic-lock claim of lib/operations/version-claim.ts, set-based: each row moves from the version
    // its line named to the next, or the import is a stale save.
    const claimed = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "Evidence" e
      SET version = e.version + 1, state = ${state}::"ReviewState", "latestRevision" = u.number,
          "actorId" = u.actor, "commitmentId" = u.commitment, "updatedAt" = now()
      FROM json_to_recordset(${recordset(
        chunk.map(({ id, version, number, actorId, commitmentId }) => ({
          id,
          version,
          number,
          actor: actorId,
          commitment: commitmentId,
        })),
      )}::json) AS u(id int, version int, number int, actor int, commitment int)
      WHERE e.id = u.id AND e.version = u.version
      RETURNING e.id`;
    // The rows were locked when planned, so this holds; if not, the whole import rolls back as a stale save.
    if (claimed.length !== chunk.length) {
      const ids = new Set(claimed.map((row) => row.id));
      const lost = chunk.find((row) => !ids.has(row.id))!;
      throw await staleSaveError(tx, 'evidence', { id: lost.id }, lost.version);
    }
  }

  const revisionIds = await nextIds(tx, 'EvidenceRevision', creates.length + plan.updates.length);
  const revisions: RevisionRow[] = [
    ...creates.map((row, index) => ({
      id: revisionIds[index]!,
      evidenceId: evidenceIds[index]!,
      number: 1,
      fields: row.fields,
    })),
    ...plan.updates.map((row, index) => ({
      id: revisionIds[creates.length + index]!,
      evidenceId: row.id,
      number: row.number,
      fields: row.fields,
    })),
  ];
  await insertRevisions(tx, revisions, user, intent);

  // An edit keeps the attachments of the revision it replaces, as the entry form does.
  const updateRevisionIds = revisionIds.slice(creates.length);
  for (const chunk of chunks(
    plan.updates.map((row, index) => ({ from: row.previousRevisionId, to: updateRevisionIds[index]! })),
  )) {
    await tx.$executeRaw`
      INSERT INTO "Attachment" ("revisionId", "fileName", "contentType", size, sha256, "storagePath", "uploadedById",
                                "createdAt")
      SELECT m.target, a."fileName", a."contentType", a.size, a.sha256, a."storagePath", a."uploadedById", a."createdAt"
      FROM "Attachment" a
      JOIN unnest(${chunk.map((m) => m.from)}::int[], ${chunk.map((m) => m.to)}::int[]) AS m(source, target)
        ON a."revisionId" = m.source
      ORDER BY a.id`;
  }

  // The current status changes when verified evidence arrives, or when a record moves to another pair.
  const rollupPairs = [
    ...(intent === 'verify' ? [...creates, ...plan.updates] : []),
    ...plan.updates.flatMap((row) => (row.previousPair ? [row.previousPair, row] : [])),
  ].map(({ actorId, commitmentId }) => ({ actorId, commitmentId }));

  return {
    created: creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    duplicates: plan.duplicates.length,
    duplicatesCreated: duplicates === 'create' ? plan.duplicates.length : 0,
    createdIds: evidenceIds,
    rollupPairs,
  };
}
