import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { requireReader } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import { countryMatches } from '@/lib/countries/search';
import { LocalizedTextSchema } from '@/lib/i18n/localized';
import type { CountryFilter } from '@/lib/validation/filters';
import type { RegionalGroup } from '@/lib/vocabulary';
import { countActors, findActors } from '@/lib/queries/actors';

export interface MemberStateListItem {
  code: string;
  alpha2: string | null;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
}

export interface MemberStateList {
  total: number;
  states: MemberStateListItem[];
}

/** Member states matching a search over the code and every name (lib/countries/search.ts), in the reader's name order. */
export async function listMemberStates(filter: CountryFilter, sortLocale: 'zh' | 'en'): Promise<MemberStateList> {
  await requireReader();
  return queryMemberStates(await requestPrisma(), filter, sortLocale);
}

/**
 * listMemberStates without the page guard, for callers that checked access themselves (the countries CSV):
 * `total` counts every member state, `states` those matching the filter.
 */
export async function queryMemberStates(
  prisma: PrismaClient,
  filter: CountryFilter,
  sortLocale: 'zh' | 'en',
): Promise<MemberStateList> {
  // 193 rows: the name search runs here, where it can ignore diacritics and know other names (lib/countries/search).
  const rows = await findActors(prisma, { kind: 'MEMBER_STATE', group: filter.group });
  const total = await countActors(prisma, 'MEMBER_STATE');
  const states = rows
    .map((row) => {
      const name = LocalizedTextSchema.parse(row.name);
      return { code: row.code, alpha2: row.alpha2, nameZh: name.zh, nameEn: name.en, regionalGroup: row.regionalGroup };
    })
    .filter((state) => !filter.q || countryMatches(filter.q, state.code, { en: state.nameEn, zh: state.nameZh }));
  // Sorted here rather than in SQL: ICU's pinyin collation orders Chinese names the way readers expect.
  const collator = new Intl.Collator(sortLocale === 'zh' ? 'zh-u-co-pinyin' : 'en');
  states.sort((a, b) =>
    collator.compare(sortLocale === 'zh' ? a.nameZh : a.nameEn, sortLocale === 'zh' ? b.nameZh : b.nameEn),
  );
  return { total, states };
}
