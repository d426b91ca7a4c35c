import { describe, expect, it } from 'vitest';
import { countryMatches, otherCountryNames } from '@/lib/countries/search';
import { memberStateName } from '@/lib/seed/country-names';
import { loadSeedData } from '@/lib/seed/data';

// Searched against the 193 member states exactly as seeded (names from i18n-iso-countries and the UN overrides).
const states = loadSeedData().memberStates.map((state) => ({ code: state.code, names: memberStateName(state) }));
const find = (query: string) =>
  states.filter((state) => countryMatches(query, state.code, state.names)).map((state) => state.code);

describe('country search', () => {
  it.each([
    ["Cote d'Ivoire", 'CIV'],
    ['cote divoire', 'CIV'],
    ['Ivory Coast', 'CIV'],
    ['Turkey', 'TUR'],
    ['Turkiye', 'TUR'],
    ['Swaziland', 'SWZ'],
    ['Czech Republic', 'CZE'],
    ['Burma', 'MMR'],
    ['Holland', 'NLD'],
    ['Netherlands', 'NLD'],
    ['Cape Verde', 'CPV'],
    ['North Korea', 'PRK'],
    ['South Korea', 'KOR'],
    ['Laos', 'LAO'],
    ['Syria', 'SYR'],
    ['Iran', 'IRN'],
    ['Russia', 'RUS'],
    ['Vietnam', 'VNM'],
    ['Bolivia', 'BOL'],
    ['Tanzania', 'TZA'],
    ['Moldova', 'MDA'],
    ['Micronesia', 'FSM'],
    ['Macedonia', 'MKD'],
    ['ken', 'KEN'],
    ['土耳其', 'TUR'],
    ['韩国', 'KOR'],
    ['朝鲜', 'PRK'],
    ['肯尼亚', 'KEN'],
  ])('%s finds %s', (query, code) => {
    expect(find(query)).toContain(code);
  });

  it('does not find unrelated states', () => {
    expect(find('Turkey')).toEqual(['TUR']);
    expect(find('Swaziland')).toEqual(['SWZ']);
    expect(find('zzzz')).toEqual([]);
  });

  it('gives a picker the names it would otherwise miss', () => {
    const turkey = states.find((state) => state.code === 'TUR')!;
    expect(otherCountryNames('TUR', turkey.names)).toEqual(expect.arrayContaining(['Turkiye', 'Turkey']));
    const ivory = states.find((state) => state.code === 'CIV')!;
    expect(otherCountryNames('CIV', ivory.names)).toEqual(expect.arrayContaining(["Cote d'Ivoire", 'Ivory Coast']));
  });
});
