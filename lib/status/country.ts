import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { StatusCounts } from '@/lib/status/constants';
import type { ImplementationStatus, RegionalGroup } from '@/lib/vocabulary';
import { countsFrom, currentStatusSource, names, type Audience, type Db } from '@/lib/status/sql';

/** A member state's page: its header and its scorecard (current status on each commitment). */

export interface MemberStateHeader {
  id: number;
  code: string;
  alpha2: string | null;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
}

export async function findMemberState(prisma: Db, code: string): Promise<MemberStateHeader | null> {
  const [row] = await prisma.$queryRaw<
    { id: number; code: string; alpha2: string | null; name: unknown; regionalGroup: RegionalGroup | null }[]
  >`
    SELECT id, code, alpha2, name, "regionalGroup"::text AS "regionalGroup"
    FROM "Actor" WHERE code = ${code} AND kind = 'MEMBER_STATE'`;
  if (!row) return null;
  return { id: row.id, code: row.code, alpha2: row.alpha2, ...names(row.name), regionalGroup: row.regionalGroup };
}

export interface ScorecardCommitment {
  code: string;
  title: string;
  status: ImplementationStatus;
  observedOn: Date | null;
}

export interface Scorecard {
  themes: { code: string; name: string; commitments: ScorecardCommitment[] }[];
  counts: StatusCounts;
  total: number;
}

/** Every commitment addressed to member states with the country's current status, grouped by theme. */
export async function countryScorecard(
  prisma: Db,
  actorId: number,
  locale: Locale,
  audience: Audience,
): Promise<Scorecard> {
  const source = currentStatusSource(audience);
  const [rows, countRows] = await Promise.all([
    prisma.$queryRaw<
      {
        code: string;
        title: unknown;
        themeCode: string;
        themeName: unknown;
        status: ImplementationStatus;
        observedOn: Date | null;
      }[]
    >`
      SELECT c.code, c.title, t.code AS "themeCode", t.name AS "themeName",
             COALESCE(cs.status::text, 'NO_INFORMATION') AS status, cs."observedOn"
      FROM "Commitment" c
      JOIN "Theme" t ON t.id = c."themeId"
      JOIN "Document" d ON d.id = c."documentId"
      LEFT JOIN ${source} cs ON cs."commitmentId" = c.id AND cs."actorId" = ${actorId}
      WHERE c.addressee = 'MEMBER_STATES'
      ORDER BY t."sortOrder", d."adoptedOn", c."sortOrder"`,
    prisma.$queryRaw<{ status: string; n: number }[]>`
      SELECT COALESCE(cs.status::text, 'NO_INFORMATION') AS status, count(*)::int AS n
      FROM "Commitment" c
      LEFT JOIN ${source} cs ON cs."commitmentId" = c.id AND cs."actorId" = ${actorId}
      WHERE c.addressee = 'MEMBER_STATES'
      GROUP BY 1`,
  ]);
  const themes: Scorecard['themes'] = [];
  for (const row of rows) {
    let theme = themes.at(-1);
    if (theme?.code !== row.themeCode) {
      theme = { code: row.themeCode, name: localize(row.themeName, locale), commitments: [] };
      themes.push(theme);
    }
    theme.commitments.push({
      code: row.code,
      title: localize(row.title, locale),
      status: row.status,
      observedOn: row.observedOn,
    });
  }
  const counts = countsFrom(countRows);
  return { themes, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}
