import 'server-only';
import { createTranslator } from 'next-intl';
import type { CurrentUser } from '@/lib/auth/current-user';
import { revisionChanges, type ChangeWords } from '@/components/evidence/RevisionChanges';
import { queryMemberStates } from '@/lib/data/actors';
import { apiTokensOf } from '@/lib/data/api-tokens';
import { queryCommitments } from '@/lib/data/commitments';
import { evidenceDetail } from '@/lib/data/evidence';
import { queryInstruments } from '@/lib/data/instruments';
import { queryOverview } from '@/lib/data/overview';
import { liveSessionsOf } from '@/lib/data/security';
import { queryUsers } from '@/lib/data/users';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { readableValue } from '@/lib/i18n/codes';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/config';
import { loadMessages } from '@/lib/i18n/messages';
import { readAudience, roleCan, type Permission } from '@/lib/permissions';
import { commitmentAcrossStates } from '@/lib/status/across-states';
import { countryScorecard, findMemberState } from '@/lib/status/country';
import { ratificationHistory, ratificationTable } from '@/lib/status/ratification';
import { statementDate } from '@/lib/status/statement';
import { planEvidenceImport } from '@/lib/transfer/evidence-import';
import { readImport } from '@/lib/transfer/import-store';
import { parseId } from '@/lib/validation/primitives';
import { IMPORT_INTENTS } from '@/lib/validation/transfer';
import { parseStatusSort } from '@/lib/validation/status';
import { canonicalActorCode, COUNTRY_CODE } from '@/lib/validation/codes';
import { parseCommitmentFilter, parseCountryFilter } from '@/lib/validation/filters';
import { isoDayOrNull } from '@/lib/dates';
import { STRENGTHS } from '@/lib/vocabulary';

/**
 * The CSV behind each table of the site that has no export of its own (GET /api/export/table/<name>): the same
 * rows, in the same order, and the same columns with the same headings as the table on the page, in the reader's
 * language (`locale`), with words rather than codes for people (regional groups, roles, statuses). Dates are
 * written as YYYY-MM-DD (UTC) or, for moments, ISO 8601, so that spreadsheets read them as dates. Each builder
 * reads through the same query as its page (lib/data/*, lib/queries/*, lib/status/*). Columns of actions (record
 * evidence, edit) are left out. lib/csv.ts writes the file and neutralises formula-like cells.
 */
export type TableCell = string | number | null;

export interface TableCsv {
  header: string[];
  rows: TableCell[][];
}

export interface TableRequest {
  prisma: PrismaClient;
  locale: Locale;
  /** The page's filters, as the page's own URL carries them. */
  params: Record<string, string>;
  /** The signed-in reader (null: an anonymous reader of the public view). */
  user: CurrentUser | null;
}

interface TableExport {
  /** The file name's stem: "<name>-<YYYY-MM-DD>.csv". */
  name: string;
  /** A permission the reader needs beyond reading (the users table needs manage:users). */
  permission?: Permission;
  /** The table, or null when what it describes does not exist (an unknown country: 404). */
  build(request: TableRequest): Promise<TableCsv | null>;
}

export type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has(key: string): boolean;
};

/**
 * The one translator of the CSV downloads (these tables, and the people's files of the code exports in
 * lib/transfer/status-csv.ts and the audit log's): messages of `namespace`, or of the whole catalogue without one.
 */
export async function translator(locale: Locale, namespace?: string): Promise<Translate> {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace }) as unknown as Translate;
}

/** Stored codes (statuses, states, roles, regional groups…) as words, through the one map in lib/i18n/codes.ts. */
export async function codeWords(locale: Locale): Promise<(value: unknown) => string> {
  const t = await translator(locale);
  return (value) => readableValue(value, t);
}

/** A `?locale=` value as a UI language, English when it is none. */
export function readerLocale(value: string | undefined): Locale {
  return value && isLocale(value) ? value : defaultLocale;
}

const moment = (value: Date | null | undefined): string | null => (value ? value.toISOString() : null);

async function countryOf(request: TableRequest) {
  const code = canonicalActorCode(request.params.country ?? '');
  return COUNTRY_CODE.test(code) ? findMemberState(request.prisma, code) : null;
}

/** The preview of the reader's own stored import (lib/transfer/import-store.ts), planned as the preview was. */
async function importPlan({ prisma, params, user }: TableRequest) {
  const stored = user ? await readImport(params.token ?? '', user.id) : null;
  if (!stored) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(stored.bytes);
  } catch {
    return null;
  }
  const intent = IMPORT_INTENTS.find((candidate) => candidate === params.intent) ?? 'draft';
  return planEvidenceImport(prisma, user!, text, { intent });
}

/** API tokens as the token list shows them; `withCreator` adds who created each (the admin's view of a user). */
async function tokensTable(
  prisma: PrismaClient,
  locale: Locale,
  userId: number,
  withCreator: boolean,
): Promise<TableCsv> {
  const t = await translator(locale, 'apiTokens');
  const now = new Date();
  const tokens = await apiTokensOf(prisma, userId);
  return {
    header: [t('name'), t('scope'), t('prefix'), t('created'), t('expires'), t('lastUsed'), t('status')],
    rows: tokens.map((token) => [
      token.name,
      t(`scopes.${token.scope}`),
      `${token.prefix}…`,
      withCreator ? `${moment(token.createdAt)} · ${token.createdBy}` : moment(token.createdAt),
      moment(token.expiresAt),
      moment(token.lastUsedAt) ?? t('never'),
      token.revokedAt
        ? t('revoked', { date: moment(token.revokedAt)! })
        : token.expiresAt > now
          ? t('active')
          : t('expired'),
    ]),
  };
}

export const TABLE_EXPORTS: Record<string, TableExport> = {
  /** /[locale]/countries: the member states matching the search and group filter. */
  countries: {
    name: 'countries',
    async build({ prisma, locale, params }) {
      const [t, enums] = await Promise.all([translator(locale, 'countries'), translator(locale, 'enums')]);
      const { states } = await queryMemberStates(prisma, parseCountryFilter(params), locale);
      return {
        header: [t('code'), t('nameZh'), t('nameEn'), t('group')],
        rows: states.map((state) => [
          state.code,
          state.nameZh,
          state.nameEn,
          state.regionalGroup ? enums(`regionalGroup.${state.regionalGroup}`) : null,
        ]),
      };
    },
  },

  /** /[locale]/instruments: the 19 instruments by adoption date. */
  instruments: {
    name: 'instruments',
    async build({ prisma, locale }) {
      const t = await translator(locale, 'instruments');
      const instruments = await queryInstruments(prisma, locale);
      return {
        header: [t('year'), t('instrument'), t('adopted'), t('inForce'), t('depositary')],
        rows: instruments.map((instrument) => [
          instrument.year,
          `${instrument.shortName}: ${instrument.title}`,
          isoDayOrNull(instrument.adoptedOn),
          isoDayOrNull(instrument.entryIntoForceOn) ?? t('notInForce'),
          instrument.depositary,
        ]),
      };
    },
  },

  /** /[locale]/commitments: the commitments matching the theme, addressee and strength filters. */
  commitments: {
    name: 'commitments',
    async build({ prisma, locale, params }) {
      const [t, enums] = await Promise.all([translator(locale, 'commitments'), translator(locale, 'enums')]);
      const commitments = await queryCommitments(prisma, parseCommitmentFilter(params), locale);
      return {
        header: [t('commitment'), t('paragraph'), t('theme'), t('addressee'), t('strength')],
        rows: commitments.map((commitment) => [
          `${commitment.title} (${commitment.code})`,
          commitment.paragraph,
          commitment.theme.name,
          enums(`addressee.${commitment.addressee}`),
          enums(`strength.${commitment.strength}`),
        ]),
      };
    },
  },

  /** /[locale] (overview): commitments by theme and strength of wording. */
  'commitments-by-theme': {
    name: 'commitments-by-theme',
    async build({ prisma, locale }) {
      const [t, enums] = await Promise.all([translator(locale, 'overview'), translator(locale, 'enums')]);
      const overview = await queryOverview(prisma, locale);
      return {
        header: [t('theme'), ...STRENGTHS.map((strength) => enums(`strength.${strength}`)), t('total')],
        rows: overview.byTheme.map((theme) => [
          theme.name,
          ...STRENGTHS.map((strength) => theme.counts[strength] ?? 0),
          theme.total,
        ]),
      };
    },
  },

  /** /[locale]/countries/<code>: the country's current status on each commitment, by theme. */
  'country-status': {
    name: 'country-status',
    async build(request) {
      const country = await countryOf(request);
      if (!country) return null;
      const [t, themes] = await Promise.all([
        translator(request.locale, 'status'),
        translator(request.locale, 'commitments'),
      ]);
      const scorecard = await countryScorecard(request.prisma, country.id, request.locale, readAudience(request.user));
      return {
        header: [themes('theme'), t('commitment'), t('status'), t('observedOn')],
        rows: scorecard.themes.flatMap((theme) =>
          theme.commitments.map((commitment) => [
            theme.name,
            `${commitment.title} (${commitment.code})`,
            t(`implementation.${commitment.status}`),
            isoDayOrNull(commitment.observedOn),
          ]),
        ),
      };
    },
  },

  /** /[locale]/countries/<code>: the country's status for each instrument, by adoption date. */
  'country-ratification': {
    name: 'country-ratification',
    async build(request) {
      const country = await countryOf(request);
      if (!country) return null;
      const t = await translator(request.locale, 'ratification');
      const statement = await statementDate(request.prisma);
      const table = await ratificationTable(request.prisma, country.id, statement, request.locale);
      return {
        header: [t('instrument'), t('status'), t('signedOn'), t('consentedOn'), t('noteAndSource')],
        rows: table.rows.map((row) => [
          row.shortName,
          row.status ? t(`statuses.${row.status}`) : t('notRecorded'),
          isoDayOrNull(row.signedOn),
          isoDayOrNull(row.consentedOn),
          [row.note, row.sourceUrl].filter(Boolean).join('\n') || null,
        ]),
      };
    },
  },

  /** /[locale]/commitments/<code>: a member-state commitment across the 193 states, in the page's sort order. */
  'commitment-states': {
    name: 'commitment-states',
    async build({ prisma, locale, params, user }) {
      const commitment = await prisma.commitment.findUnique({
        where: { code: params.commitment ?? '' },
        select: { id: true, addressee: true },
      });
      if (!commitment || commitment.addressee !== 'MEMBER_STATES') return null;
      const [t, enums] = await Promise.all([translator(locale, 'status'), translator(locale, 'enums')]);
      const sort = parseStatusSort(params);
      const across = await commitmentAcrossStates(
        prisma,
        commitment.id,
        sort.sort,
        sort.dir,
        locale,
        readAudience(user),
      );
      const instruments = across.instruments;
      return {
        header: [t('state'), t('group'), t('status'), t('observedOn'), ...(instruments ? [t('partyTo')] : [])],
        rows: across.rows.map((row) => [
          locale === 'zh' ? row.nameZh : row.nameEn,
          row.regionalGroup ? enums(`regionalGroup.${row.regionalGroup}`) : t('noGroup'),
          t(`implementation.${row.status}`),
          isoDayOrNull(row.observedOn),
          ...(instruments
            ? [
                t('partyCell', {
                  party: row.party ?? 0,
                  total: instruments.total,
                  partyOfExisting: row.partyOfExisting ?? 0,
                  existing: instruments.existing,
                }),
              ]
            : []),
        ]),
      };
    },
  },

  /** /[locale]/admin/users: every account (admins only). */
  users: {
    name: 'users',
    permission: 'manage:users',
    async build({ prisma, locale }) {
      const [t, roles] = await Promise.all([translator(locale, 'admin'), translator(locale, 'roles')]);
      const users = await queryUsers(prisma);
      return {
        header: [t('email'), t('name'), t('role'), t('countryScope'), t('status'), t('lastSignIn')],
        rows: users.map((user) => [
          user.email,
          user.name,
          roles(user.role),
          user.countryScope.length > 0 ? user.countryScope.join(', ') : t('allCountries'),
          `${user.disabled ? t('disabled') : t('active')}${
            user.mustChangePassword && !user.disabled ? ` · ${t('mustChangePassword')}` : ''
          }`,
          user.lastSignInAt ? user.lastSignInAt.toISOString() : null,
        ]),
      };
    },
  },

  /**
   * /[locale]/account/security: where the reader is signed in — their own live sessions only, told by device and
   * address, never by a session id. Any signed-in reader (as the page); an anonymous one gets 401.
   */
  sessions: {
    name: 'sessions',
    permission: 'read:internal',
    async build({ prisma, locale, user }) {
      const t = await translator(locale, 'security');
      const sessions = await liveSessionsOf(prisma, user!);
      return {
        header: [t('device'), t('address'), t('signedIn'), t('lastSeen')],
        rows: sessions.map((session) => [
          session.current ? `${session.device} · ${t('thisSession')}` : session.device,
          session.ip,
          moment(session.createdAt),
          moment(session.lastSeenAt),
        ]),
      };
    },
  },

  /** /[locale]/account/password: the reader's own API tokens — name, access, visible prefix; never a secret. */
  'api-tokens': {
    name: 'api-tokens',
    permission: 'read:internal',
    build: ({ prisma, locale, user }) => tokensTable(prisma, locale, user!.id, false),
  },

  /** /[locale]/admin/users/<id>: that user's API tokens, with who created each (admins only, as the page). */
  'user-api-tokens': {
    name: 'user-api-tokens',
    permission: 'manage:users',
    async build({ prisma, locale, params }) {
      const id = parseId(params.user ?? '');
      const exists = id !== null && (await prisma.user.count({ where: { id } })) > 0;
      return exists ? tokensTable(prisma, locale, id, true) : null;
    },
  },

  /**
   * /[locale]/countries/<code>?history=<instrument>: the revisions of one country's status for one instrument,
   * newest first; who changed it only for signed-in readers (as the page). 404 for an unknown country or instrument.
   */
  'ratification-history': {
    name: 'ratification-history',
    async build(request) {
      const country = await countryOf(request);
      if (!country) return null;
      const history = await ratificationHistory(
        request.prisma,
        country.id,
        request.params.instrument ?? '',
        request.locale,
        readAudience(request.user),
      );
      if (!history) return null;
      const t = await translator(request.locale, 'ratification');
      const withAuthors = history.revisions.some((revision) => revision.changedBy);
      return {
        header: [
          t('revision'),
          t('changedAt'),
          ...(withAuthors ? [t('changedBy')] : []),
          t('status'),
          t('signedOn'),
          t('consentedOn'),
          t('noteAndSource'),
        ],
        rows: history.revisions.map((revision) => [
          revision.number,
          moment(revision.changedAt),
          ...(withAuthors ? [revision.changedBy] : []),
          t(`statuses.${revision.status}`),
          isoDayOrNull(revision.signedOn),
          isoDayOrNull(revision.consentedOn),
          [revision.note, revision.sourceUrl].filter(Boolean).join('\n') || null,
        ]),
      };
    },
  },

  /**
   * /[locale]/evidence/<id>: the record's history, newest revision first: its state, author, review and each
   * changed field from the revision before, told as on the page. Signed-in readers (as the page). 404: no record.
   */
  'evidence-history': {
    name: 'evidence-history',
    permission: 'read:internal',
    async build({ prisma, locale, params }) {
      const id = parseId(params.id ?? '');
      const record = id === null ? null : await evidenceDetail(prisma, id, locale);
      if (!record) return null;
      const [t, label] = await Promise.all([translator(locale, 'evidence'), codeWords(locale)]);
      const words: ChangeWords = {
        status: label,
        visibility: label,
        sourceType: label,
        score: (score) => `${score > 0 ? `+${score}` : score} · ${t(`scores.${score}`)}`,
        date: (value) => isoDayOrNull(value)!,
      };
      const { revisions } = record;
      return {
        header: [t('revision'), t('state'), t('author'), t('review'), t('changes')],
        rows: revisions.map((revision, index) => {
          const changes = revisionChanges(revision, revisions[index + 1], words);
          return [
            revision.number,
            label(revision.state),
            `${revision.author.email}\n${moment(revision.createdAt)}`,
            revision.reviewer
              ? [revision.reviewer.email, moment(revision.reviewedAt), revision.reviewComment]
                  .filter(Boolean)
                  .join('\n')
              : null,
            index === revisions.length - 1
              ? t('firstRevision')
              : changes.length === 0
                ? t('noChanges')
                : changes
                    .map(
                      ({ field, number, before, after }) =>
                        `${field === 'source' ? t('fields.source', { number: number ?? 0 }) : t(`fields.${field}`)}: ${before || '∅'} → ${after || '∅'}`,
                    )
                    .join('\n'),
          ];
        }),
      };
    },
  },

  /**
   * /[locale]/evidence/import, after "Check the file": every row with a problem, from the reader's own stored upload
   * (`?token=`, checked again for `?intent=` as the preview did). 404 once it is applied, expired or not theirs.
   */
  'import-problems': {
    name: 'import-problems',
    permission: 'write:evidence',
    async build(request) {
      const plan = await importPlan(request);
      if (!plan) return null;
      const [t, validation] = await Promise.all([
        translator(request.locale, 'transfer'),
        translator(request.locale, 'validation'),
      ]);
      return {
        header: [t('line'), t('column'), t('reason')],
        rows: plan.problems.map((problem) => {
          const [key, ...rest] = problem.reason.split(':');
          const reason = key && validation.has(key) ? validation(key, { detail: rest.join(':') }) : problem.reason;
          return [problem.line, problem.column, reason];
        }),
      };
    },
  },

  /** /[locale]/evidence/import, after "Check the file": the new rows that duplicate a record or an earlier row. */
  'import-duplicates': {
    name: 'import-duplicates',
    permission: 'write:evidence',
    async build(request) {
      const plan = await importPlan(request);
      if (!plan) return null;
      const t = await translator(request.locale, 'transfer');
      return {
        header: [t('line'), t('duplicateOf')],
        rows: plan.duplicates.map(({ line, duplicateOf }) => [
          line,
          'recordId' in duplicateOf
            ? t('duplicateOfRecord', { id: duplicateOf.recordId })
            : t('duplicateOfRow', { line: duplicateOf.line }),
        ]),
      };
    },
  },
};

export type TableName = keyof typeof TABLE_EXPORTS;

/**
 * Builds one table's CSV for a reader. Answers `unknown` for a name with no table, `forbidden` when the reader
 * lacks the table's permission (anonymous readers never have one), `not_found` when the table's subject does
 * not exist, else the file's stem, header and rows. `locale` falls back to English when it is no UI language.
 */
export async function buildTableCsv(
  name: string,
  request: Omit<TableRequest, 'locale'> & { locale: string | undefined },
): Promise<{ ok: true; name: string; table: TableCsv } | { ok: false; reason: 'unknown' | 'forbidden' | 'not_found' }> {
  const entry = Object.hasOwn(TABLE_EXPORTS, name) ? TABLE_EXPORTS[name] : undefined;
  if (!entry) return { ok: false, reason: 'unknown' };
  if (entry.permission && !(request.user && roleCan(request.user.role, entry.permission))) {
    return { ok: false, reason: 'forbidden' };
  }
  const locale = readerLocale(request.locale);
  const table = await entry.build({ ...request, locale });
  return table ? { ok: true, name: entry.name, table } : { ok: false, reason: 'not_found' };
}
