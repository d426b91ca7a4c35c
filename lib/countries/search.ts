import countries from 'i18n-iso-countries';

/**
 * Finding a country by what a person types: its code, its names in English and Chinese, the other names
 * i18n-iso-countries (CLDR-derived) knows for it in both languages ("Turkey", "Ivory Coast", "Russia", "韩国"),
 * and a short list of common names the package lacks ("Swaziland", "Burma", "Holland", "Laos"). Matching ignores
 * case, diacritics, apostrophes and punctuation, so "Cote d'Ivoire", "cote divoire" and "Côte d’Ivoire" all find CIV.
 */

/** Common names missing from i18n-iso-countries 7.x, by ISO alpha-3 code. */
const MORE_NAMES: Record<string, string[]> = {
  BOL: ['Bolivia', '玻利维亚'],
  CPV: ['Cabo Verde', 'Cape Verde'],
  CZE: ['Czech Republic', '捷克共和国'],
  FSM: ['Micronesia', '密克罗尼西亚'],
  GBR: ['United Kingdom', 'UK', 'Great Britain', 'Britain', '英国'],
  IRN: ['Iran', '伊朗'],
  KOR: ['South Korea', 'Korea', '韩国', '南韩'],
  LAO: ['Laos', '老挝'],
  MDA: ['Moldova', '摩尔多瓦'],
  MKD: ['Macedonia', '马其顿'],
  MMR: ['Burma', '缅甸'],
  NLD: ['Holland', 'Netherlands', '荷兰'],
  PRK: ['North Korea', '朝鲜', '北韩'],
  RUS: ['Russia', '俄罗斯'],
  SWZ: ['Swaziland', '斯威士兰'],
  SYR: ['Syria', '叙利亚'],
  TUR: ['Turkey', '土耳其'],
  TZA: ['Tanzania', '坦桑尼亚'],
  USA: ['United States', 'USA', 'America', '美国'],
  VEN: ['Venezuela', '委内瑞拉'],
  VNM: ['Vietnam', 'Viet Nam', '越南'],
};

/** Folds text for matching: no case, no diacritics, apostrophes and punctuation dropped, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const packageNames = (code: string, language: 'en' | 'zh'): string[] => {
  const names = countries.getName(code, language, { select: 'all' }) as string[] | undefined;
  return Array.isArray(names) ? names : [];
};

/**
 * Every name a country is searched by: `names` (the names shown, { en, zh }), the package's names in both
 * languages and MORE_NAMES, without duplicates. `code` is the ISO alpha-3 code (other actor codes get just `names`).
 */
export function countrySearchNames(code: string, names: { en: string; zh: string }): string[] {
  const all = [
    names.en,
    names.zh,
    ...packageNames(code, 'en'),
    ...packageNames(code, 'zh'),
    ...(MORE_NAMES[code] ?? []),
  ];
  const seen = new Set<string>();
  return all.filter((name) => {
    const key = foldForSearch(name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The names other than the two shown, for a picker whose browser matches plain substrings (a datalist): the other
 * names, and the English name without diacritics when it has any ("Türkiye" → ["Turkiye", "Turkey"]).
 */
export function otherCountryNames(code: string, names: { en: string; zh: string }): string[] {
  const plain = names.en.normalize('NFKD').replace(/\p{M}/gu, '');
  const others = countrySearchNames(code, names).filter((name) => name !== names.en && name !== names.zh);
  return [...new Set(plain === names.en ? others : [plain, ...others])];
}

/** True when the typed `query` is part of the code or of any of the country's names (see foldForSearch). */
export function countryMatches(query: string, code: string, names: { en: string; zh: string }): boolean {
  const folded = foldForSearch(query);
  // No query matches every state; a query of punctuation only ("%") matches none.
  if (!folded) return query.trim() === '';
  if (code.toLowerCase().includes(folded)) return true;
  // Compared with spaces removed too, so "cote divoire" and "Côte d'Ivoire" meet, as do "北 韩" and "北韩".
  const compact = folded.replace(/ /g, '');
  return countrySearchNames(code, names).some((name) => {
    const key = foldForSearch(name);
    return key.includes(folded) || key.replace(/ /g, '').includes(compact);
  });
}
