import 'server-only';
import { requireReader } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import { Prisma } from '@/lib/generated/prisma/client';
import { LocalizedTextSchema } from '@/lib/i18n/localized';
import type { RegionalGroupValue } from '@/lib/data/labels';
import type { CountryFilter } from '@/lib/validation/filters';

export interface MemberStateListItem {
  code: string;
  alpha2: string | null;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroupValue | null;
}

export interface MemberStateList {
  total: number;
  states: MemberStateListItem[];
}

/** Member states matching a search over the code and the names in every language, in the reader's name order. */
export async function listMemberStates(filter: CountryFilter, sortLocale: 'zh' | 'en'): Promise<MemberStateList> {
  await requireReader();
  const prisma = await requestPrisma();
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await prisma.$queryRaw<
    { code: string; alpha2: string | null; name: unknown; regionalGroup: RegionalGroupValue | null }[]
  >`
    SELECT code, alpha2, name, "regionalGroup"
    FROM "Actor"
    WHERE kind = 'MEMBER_STATE'
      ${filter.group ? Prisma.sql`AND "regionalGroup" = ${filter.group}::"RegionalGroup"` : Prisma.empty}
      ${
        pattern
          ? Prisma.sql`AND (code ILIKE ${pattern} OR EXISTS (SELECT 1 FROM jsonb_each_text(name) AS n WHERE n.value ILIKE ${pattern}))`
          : Prisma.empty
      }`;
  const total = await prisma.actor.count({ where: { kind: 'MEMBER_STATE' } });
  const states = rows.map((row) => {
    const name = LocalizedTextSchema.parse(row.name);
    return { code: row.code, alpha2: row.alpha2, nameZh: name.zh, nameEn: name.en, regionalGroup: row.regionalGroup };
  });
  // Sorted here rather than in SQL: ICU's pinyin collation orders Chinese names the way readers expect.
  const collator = new Intl.Collator(sortLocale === 'zh' ? 'zh-u-co-pinyin' : 'en');
  states.sort((a, b) =>
    collator.compare(sortLocale === 'zh' ? a.nameZh : a.nameEn, sortLocale === 'zh' ? b.nameZh : b.nameEn),
  );
  return { total, states };
}
