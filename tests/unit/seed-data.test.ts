import { describe, expect, it } from 'vitest';
import { checkSeedData, loadSeedData } from '@/lib/seed/data';
import { memberStateName } from '@/lib/seed/country-names';

// The curated data files are the product's ground truth; these checks stop a careless edit from shipping.
const data = loadSeedData();
const statement = data.documents.find((document) => document.symbol === 'S/PRST/2012/17');

describe('S/PRST/2012/17 as shipped', () => {
  it('has 28 paragraphs', () => {
    expect(statement?.statement.paragraphs).toHaveLength(28);
  });

  it('has commitments for member states and, separately, for the UN system', () => {
    const addressees = new Set(statement?.commitments.map((commitment) => commitment.addressee));
    expect(addressees).toEqual(new Set(['MEMBER_STATES', 'UN_SYSTEM']));
  });

  it.each(statement?.commitments.map((c) => [c.code, c] as const) ?? [])(
    '%s quotes its paragraph verbatim',
    (_code, commitment) => {
      const paragraph = statement?.statement.paragraphs[commitment.paragraph - 1];
      expect(commitment.paragraph).toBeGreaterThanOrEqual(1);
      expect(commitment.paragraph).toBeLessThanOrEqual(28);
      expect(paragraph).toContain(commitment.quote);
    },
  );

  it('names the resolutions and conventions the statement calls on states to implement and join', () => {
    const codes = statement?.commitments.map((c) => c.code) ?? [];
    for (const code of [
      'P12-conventions',
      'P12-res-1267-1989',
      'P12-res-1373',
      'P12-res-1540',
      'P12-res-1624',
      'P08-financing',
    ]) {
      expect(codes).toContain(code);
    }
    const conventions = statement?.commitments.find((c) => c.code === 'P12-conventions');
    expect(conventions?.links.filter((link) => link.kind === 'INSTRUMENT')).toHaveLength(19);
  });
});

describe('reference data', () => {
  it('lists the 193 UN member states with unique codes, a regional group and zh/en names', () => {
    expect(data.memberStates).toHaveLength(193);
    for (const state of data.memberStates) {
      const name = memberStateName(state);
      expect(name.zh).toBeTruthy();
      expect(name.en).toBeTruthy();
    }
    const perGroup: Record<string, number> = {};
    for (const state of data.memberStates) perGroup[state.group] = (perGroup[state.group] ?? 0) + 1;
    expect(perGroup).toEqual({
      AFRICAN: 54,
      ASIA_PACIFIC: 54,
      EASTERN_EUROPEAN: 23,
      LATIN_AMERICAN_CARIBBEAN: 33,
      WESTERN_EUROPEAN_OTHERS: 29,
    });
  });

  it('does not count observers as members', () => {
    const codes = data.memberStates.map((state) => state.code);
    expect(codes).not.toContain('VAT');
    expect(codes).not.toContain('PSE');
  });

  it('lists 19 instruments, 18 of which existed on 4 May 2012', () => {
    expect(data.instruments).toHaveLength(19);
    expect(data.instruments.filter((instrument) => instrument.adoptedOn <= '2012-05-04')).toHaveLength(18);
  });
});

describe('checkSeedData', () => {
  it('reports a quote that is not in its paragraph, a paragraph out of range and an unknown theme', () => {
    const [document] = data.documents;
    const [commitment] = document!.commitments;
    const broken = {
      ...data,
      documents: [
        {
          ...document!,
          commitments: [
            { ...commitment!, quote: '这句话不在声明里' },
            { ...commitment!, code: 'P29-nowhere', paragraph: 29 },
            { ...commitment!, code: `${commitment!.code}-x`, theme: 'no-such-theme' },
          ],
        },
      ],
    };
    const problems = checkSeedData(broken);
    expect(problems).toContainEqual(expect.stringMatching(/does not occur verbatim in paragraph/));
    expect(problems).toContainEqual(expect.stringMatching(/paragraph 29 is out of range \(the document has 28\)/));
    expect(problems).toContainEqual(expect.stringMatching(/unknown theme no-such-theme/));
  });
});
