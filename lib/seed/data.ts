import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ACTOR_CODE, COMMITMENT_CODE, COUNTRY_CODE, INSTRUMENT_CODE, THEME_CODE } from '@/lib/validation/codes';
import { LocalizedTextSchema } from '@/lib/i18n/localized';
import { parseStatement, type ParsedStatement } from '@/lib/statement/parse';
import { ADDRESSEES, LinkKind, REGIONAL_GROUPS, STRENGTHS } from '@/lib/vocabulary';

/**
 * The reference data shipped with the project (prisma/seed/data), loaded and validated. The seed and the
 * data tests both read it through here, so a malformed file fails loudly before anything is written.
 */
export const SEED_DATA_DIR = resolve(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'seed', 'data');

const IsoDate = z.iso.date();

const DocumentsFile = z.object({
  documents: z
    .array(
      z.object({
        symbol: z.string().min(1),
        slug: z.string().regex(/^[A-Za-z0-9-]+$/, 'slugs use letters, digits and hyphens only'),
        language: z.string().min(2),
        adoptedOn: IsoDate,
        meeting: z.number().int().positive().nullable(),
        title: LocalizedTextSchema,
        agendaItem: LocalizedTextSchema,
        textFile: z.string().min(1),
        commitmentsFile: z.string().min(1),
      }),
    )
    .min(1),
});

const ThemesFile = z.object({
  themes: z
    .array(
      z.object({ code: z.string().regex(THEME_CODE), name: LocalizedTextSchema, description: LocalizedTextSchema }),
    )
    .min(1),
});

const CommitmentsFile = z.object({
  document: z.string().min(1),
  commitments: z
    .array(
      z.object({
        code: z.string().regex(COMMITMENT_CODE, 'commitment codes look like P12-conventions'),
        paragraph: z.number().int().positive(),
        quote: z.string().min(2),
        addressee: z.enum(ADDRESSEES),
        strength: z.enum(STRENGTHS),
        theme: z.string().regex(THEME_CODE),
        title: LocalizedTextSchema,
        summary: LocalizedTextSchema,
        guidance: LocalizedTextSchema,
        links: z.array(z.object({ kind: z.enum(LinkKind), reference: z.string().min(1) })),
      }),
    )
    .min(1),
});

const MemberStatesFile = z.object({
  source: z.string().min(1),
  states: z.array(
    z.object({
      code: z.string().regex(COUNTRY_CODE),
      alpha2: z.string().regex(/^[A-Z]{2}$/),
      group: z.enum(REGIONAL_GROUPS),
      nameOverride: LocalizedTextSchema.optional(),
    }),
  ),
});

const InstrumentsFile = z.object({
  source: z.string().min(1),
  instruments: z
    .array(
      z.object({
        code: z.string().regex(INSTRUMENT_CODE),
        year: z.number().int().min(1900),
        adoptedOn: IsoDate,
        entryIntoForceOn: IsoDate.nullable(),
        shortName: LocalizedTextSchema,
        title: LocalizedTextSchema,
        depositary: LocalizedTextSchema,
      }),
    )
    .min(1),
});

const UnEntitiesFile = z.object({
  source: z.string().min(1),
  entities: z.array(z.object({ code: z.string().regex(ACTOR_CODE), name: LocalizedTextSchema })).min(1),
});

export type DocumentSeed = z.infer<typeof DocumentsFile>['documents'][number] & {
  statement: ParsedStatement;
  commitments: z.infer<typeof CommitmentsFile>['commitments'];
};
export type ThemeSeed = z.infer<typeof ThemesFile>['themes'][number];
export type MemberStateSeed = z.infer<typeof MemberStatesFile>['states'][number];
export type InstrumentSeed = z.infer<typeof InstrumentsFile>['instruments'][number];
export type UnEntitySeed = z.infer<typeof UnEntitiesFile>['entities'][number];

export interface SeedData {
  documents: DocumentSeed[];
  themes: ThemeSeed[];
  memberStates: MemberStateSeed[];
  instruments: InstrumentSeed[];
  unEntities: UnEntitySeed[];
  /** Hash of every seed file: the seed is skipped when the database already holds this exact data. */
  hash: string;
}

function loadJson<T>(schema: z.ZodType<T>, file: string, hash: ReturnType<typeof createHash>, dir: string): T {
  const text = readFileSync(join(dir, file), 'utf8');
  hash.update(file).update(text);
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Seed file ${file} is invalid:\n${problems}`);
  }
  return result.data;
}

export function loadSeedData(dir = SEED_DATA_DIR): SeedData {
  const hash = createHash('sha256');
  const { documents } = loadJson(DocumentsFile, 'documents.json', hash, dir);
  const { themes } = loadJson(ThemesFile, 'themes.json', hash, dir);
  const { states: memberStates } = loadJson(MemberStatesFile, 'member-states.json', hash, dir);
  const { instruments } = loadJson(InstrumentsFile, 'instruments.json', hash, dir);
  const { entities: unEntities } = loadJson(UnEntitiesFile, 'un-entities.json', hash, dir);

  const loadedDocuments = documents.map((document) => {
    const text = readFileSync(join(dir, document.textFile), 'utf8');
    hash.update(document.textFile).update(text);
    const commitmentsFile = loadJson(CommitmentsFile, document.commitmentsFile, hash, dir);
    if (commitmentsFile.document !== document.symbol) {
      throw new Error(`${document.commitmentsFile} is for ${commitmentsFile.document}, not ${document.symbol}.`);
    }
    return { ...document, statement: parseStatement(text), commitments: commitmentsFile.commitments };
  });

  const data = { documents: loadedDocuments, themes, memberStates, instruments, unEntities, hash: hash.digest('hex') };
  const problems = checkSeedData(data);
  if (problems.length > 0)
    throw new Error(`The seed data is inconsistent:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return data;
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** Cross-file rules; each problem is reported in words that say what to fix. */
export function checkSeedData(data: Omit<SeedData, 'hash'>): string[] {
  const problems: string[] = [];
  const themeCodes = new Set(data.themes.map((theme) => theme.code));
  const instrumentCodes = new Set(data.instruments.map((instrument) => instrument.code));

  for (const code of duplicates(data.themes.map((t) => t.code))) problems.push(`theme ${code} is listed twice`);
  for (const code of duplicates(data.instruments.map((i) => i.code)))
    problems.push(`instrument ${code} is listed twice`);
  for (const code of duplicates(data.memberStates.map((s) => s.code)))
    problems.push(`member state ${code} is listed twice`);
  for (const code of duplicates(data.memberStates.map((s) => s.alpha2)))
    problems.push(`alpha-2 code ${code} is used twice`);
  for (const code of duplicates(data.unEntities.map((e) => e.code))) problems.push(`UN entity ${code} is listed twice`);
  for (const code of duplicates([...data.memberStates.map((s) => s.code), ...data.unEntities.map((e) => e.code)])) {
    problems.push(`actor code ${code} is used by a member state and a UN entity`);
  }
  const allCommitmentCodes = data.documents.flatMap((d) => d.commitments.map((c) => c.code));
  for (const code of duplicates(allCommitmentCodes)) problems.push(`commitment ${code} is listed twice`);

  for (const document of data.documents) {
    const { paragraphs } = document.statement;
    for (const commitment of document.commitments) {
      const where = `${document.symbol} ${commitment.code}`;
      const paragraph = paragraphs[commitment.paragraph - 1];
      if (paragraph === undefined) {
        problems.push(
          `${where}: paragraph ${commitment.paragraph} is out of range (the document has ${paragraphs.length})`,
        );
      } else if (!paragraph.includes(commitment.quote)) {
        problems.push(`${where}: the quote does not occur verbatim in paragraph ${commitment.paragraph}`);
      }
      if (Number(commitment.code.slice(1, 3)) !== commitment.paragraph) {
        problems.push(
          `${where}: the code names paragraph ${commitment.code.slice(1, 3)} but the commitment is in ${commitment.paragraph}`,
        );
      }
      if (!themeCodes.has(commitment.theme)) problems.push(`${where}: unknown theme ${commitment.theme}`);
      for (const link of commitment.links) {
        if (link.kind === 'INSTRUMENT' && !instrumentCodes.has(link.reference)) {
          problems.push(`${where}: unknown instrument ${link.reference}`);
        }
      }
      for (const reference of duplicates(commitment.links.map((l) => l.reference))) {
        problems.push(`${where}: link ${reference} is listed twice`);
      }
    }
  }
  return problems;
}
