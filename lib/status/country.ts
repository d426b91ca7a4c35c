import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { StatusCounts } from '@/lib/status/constants';
import type { ImplementationStatus, RegionalGroup } from '@/lib/vocabulary';
import { queryRows, Column } from '@/lib/raw-sql';
import { currentStatusSource, names, pairStatusCounts, type Audience, type Db } from '@/lib/status/sql';

/** A member state's page: its header and its scorecard (current status on each commitment). */

export interface MemberStateHeader {
  id: number;
  code: string;
  alpha2: string | null;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
}

/** The member state with ISO alpha-3 `code`; null for an unknown code or a UN entity's. Throws on a malformed name. */
export async function findMemberState(prisma: Db, code: string): Promise<MemberStateHeader | null> {
  const row = await prisma.actor.findFirst({
    where: { code, kind: 'MEMBER_STATE' },
    select: { id: true, code: true, alpha2: true, name: true, regionalGroup: true },
  });
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

const ScorecardRow = z.object({
  code: z.string(),
  title: z.unknown(),
  themeCode: z.string(),
  themeName: z.unknown(),
  status: Column.status,
  observedOn: z.date().nullable(),
});

/**
 * Every commitment addressed to member states with the country's current status (NO_INFORMATION without one), grouped
 * by theme in the themes' order, then by document date and the seed's order; titles and theme names in `locale`.
 */
export async function countryScorecard(
  prisma: Db,
  actorId: number,
  locale: Locale,
  audience: Audience,
): Promise<Scorecard> {
  const [rows, counts] = await Promise.all([
    queryRows(
      prisma,
      ScorecardRow,
      Prisma.sql`
      SELECT c.code, c.title, t.code AS "themeCode", t.name AS "themeName",
             COALESCE(cs.status::text, 'NO_INFORMATION') AS status, cs."observedOn"
      FROM "Commitment" c
      JOIN "Theme" t ON t.id = c."themeId"
      JOIN "Document" d ON d.id = c."documentId"
      LEFT JOIN ${currentStatusSource(audience)} cs ON cs."commitmentId" = c.id AND cs."actorId" = ${actorId}
      WHERE c.addressee = 'MEMBER_STATES'
      ORDER BY t."sortOrder", d."adoptedOn", c."sortOrder"`,
    ),
    pairStatusCounts(prisma, { actorId }, audience),
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
  return { themes, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}
