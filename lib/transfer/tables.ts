import 'server-only';
import { createTranslator } from 'next-intl';
import type { CurrentUser } from '@/lib/auth/current-user';
import { queryMemberStates } from '@/lib/data/actors';
import { queryCommitments } from '@/lib/data/commitments';
import { queryInstruments } from '@/lib/data/instruments';
import { STRENGTHS } from '@/lib/data/labels';
import { queryOverview } from '@/lib/data/overview';
import { queryUsers } from '@/lib/data/users';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/config';
import { loadMessages } from '@/lib/i18n/messages';
import { roleCan, type Permission } from '@/lib/permissions';
import {
  commitmentAcrossStates,
  countryScorecard,
  findMemberState,
  ratificationTable,
  statementDate,
} from '@/lib/status/queries';
import { parseStatusSort } from '@/lib/validation/status';
import { canonicalActorCode, COUNTRY_CODE } from '@/lib/validation/codes';
import { parseCommitmentFilter, parseCountryFilter } from '@/lib/validation/filters';

/**
 * The CSV behind each table of the site that has no export of its own (GET /api/export/table/<name>): the same
 * rows, in the same order, and the same columns with the same headings as the table on the page, in the reader's
 * language (`locale`), with words rather than codes for people (regional groups, roles, statuses). Dates are
 * written as YYYY-MM-DD (UTC) or, for moments, ISO 8601, so that spreadsheets read them as dates. Each builder
 * reads through the same query as its page (lib/data/*, lib/status/queries.ts). Columns of actions (record
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

type Translate = (key: string, values?: Record<string, string | number>) => string;

async function translator(locale: Locale, namespace: string): Promise<Translate> {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace }) as unknown as Translate;
}

const day = (value: Date | null | undefined): string | null => (value ? value.toISOString().slice(0, 10) : null);

async function countryOf(request: TableRequest) {
  const code = canonicalActorCode(request.params.country ?? '');
  return COUNTRY_CODE.test(code) ? findMemberState(request.prisma, code) : null;
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
          day(instrument.adoptedOn),
          day(instrument.entryIntoForceOn) ?? t('notInForce'),
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
      const scorecard = await countryScorecard(request.prisma, country.id, request.locale, {
        publicOnly: request.user === null,
      });
      return {
        header: [themes('theme'), t('commitment'), t('status'), t('observedOn')],
        rows: scorecard.themes.flatMap((theme) =>
          theme.commitments.map((commitment) => [
            theme.name,
            `${commitment.title} (${commitment.code})`,
            t(`implementation.${commitment.status}`),
            day(commitment.observedOn),
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
          day(row.signedOn),
          day(row.consentedOn),
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
      const across = await commitmentAcrossStates(prisma, commitment.id, sort.sort, sort.dir, locale, {
        publicOnly: user === null,
      });
      const instruments = across.instruments;
      return {
        header: [t('state'), t('group'), t('status'), t('observedOn'), ...(instruments ? [t('partyTo')] : [])],
        rows: across.rows.map((row) => [
          locale === 'zh' ? row.nameZh : row.nameEn,
          row.regionalGroup ? enums(`regionalGroup.${row.regionalGroup}`) : t('noGroup'),
          t(`implementation.${row.status}`),
          day(row.observedOn),
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
  const locale = request.locale && isLocale(request.locale) ? request.locale : defaultLocale;
  const table = await entry.build({ ...request, locale });
  return table ? { ok: true, name: entry.name, table } : { ok: false, reason: 'not_found' };
}
