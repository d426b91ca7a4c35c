import { describe, expect, it } from 'vitest';
import { loadSeedData } from '@/lib/seed/data';

/**
 * The reading of S/PRST/2012/17 for what it asks of Member States, paragraph by paragraph (issue 10: the seed had
 * missed the Charter obligations that paragraph 9 reaffirms). Every one of the 28 paragraphs is either listed with
 * the member-state commitments seeded from it, in file order and with the strength of its wording, or with the
 * reason it has none. Removing, moving or re-grading a commitment, or adding one, fails here until this reading is
 * updated with it.
 *
 * The rule: a call or obligation addressed to Member States (or to States generally, reaffirmed ones included) is a
 * commitment; principles, condemnations, concern and the Council's own declarations and decisions are not; calls
 * on the UN system are commitments addressed to the UN system and are not listed here.
 */
const MEMBER_STATE_COMMITMENTS: Record<number, [code: string, strength: string][]> = {
  5: [['P05-kidnapping', 'RECOGNITION']],
  6: [['P06-crime-coordination', 'STRESS']],
  8: [['P08-financing', 'OBLIGATION']],
  9: [
    ['P09-use-of-force', 'OBLIGATION'],
    ['P09-assist-un', 'OBLIGATION'],
    ['P09-no-assistance-to-targets', 'OBLIGATION'],
  ],
  10: [['P10-victims-support', 'STRESS']],
  11: [
    ['P11-no-support', 'OBLIGATION'],
    ['P11-recruitment', 'OBLIGATION'],
    ['P11-weapons-supply', 'OBLIGATION'],
  ],
  12: [
    ['P12-res-1267-1989', 'STRESS'],
    ['P12-res-1373', 'STRESS'],
    ['P12-res-1540', 'STRESS'],
    ['P12-res-1624', 'STRESS'],
    ['P12-conventions', 'CALL'],
    ['P12-implement-instruments', 'CALL'],
    ['P12-comprehensive-convention', 'RECOGNITION'],
  ],
  13: [['P13-sanctions', 'STRESS']],
  14: [
    ['P14-conducive-conditions', 'STRESS'],
    ['P14-national-strategies', 'ENCOURAGEMENT'],
  ],
  15: [['P15-human-rights', 'OBLIGATION']],
  16: [['P16-dialogue', 'STRESS']],
  18: [['P18-manpads', 'RECOGNITION']],
  19: [['P19-global-strategy', 'STRESS']],
  20: [['P20-regional-cooperation', 'CALL']],
  21: [
    ['P21-information-exchange', 'CALL'],
    ['P21-mutual-legal-assistance', 'CALL'],
  ],
  22: [['P22-capacity-building', 'ENCOURAGEMENT']],
  23: [
    ['P23-cooperation-with-un', 'STRESS'],
    ['P23-criminal-justice-system', 'STRESS'],
    ['P23-extradition-mla', 'STRESS'],
  ],
  25: [['P25-committee-dialogue', 'RECOGNITION']],
};

const NO_MEMBER_STATE_COMMITMENT: Record<number, string> = {
  1: 'the Council reaffirms its own primary responsibility under the Charter',
  2: 'a condemnation of terrorism',
  3: 'concern, and the Council’s own determination to combat the threat',
  4: 'a principle: terrorism is not to be associated with any religion, nationality or civilization',
  7: 'concern at terrorists’ use of ICT, with no call',
  17: 'concern at non-State actors acquiring weapons of mass destruction, with no call',
  24: 'the UN system (P24-un-coherence); the Council notes the Secretary-General’s proposal and looks forward to it',
  26: 'a call on UN entities (P26-cted-1624)',
  27: 'the Council’s support for the CTITF, a call on its subsidiary bodies (P27-ctitf-participation), a welcome',
  28: 'a call on the Global Counterterrorism Forum (P28-gctf)',
};

/**
 * Clauses addressed to Member States that are not quoted by a commitment of their own because another commitment of
 * the paragraph tracks the same conduct; that commitment's summary says so (`mentions`, verbatim in its summary).
 */
const COVERED_CLAUSES = [
  {
    paragraph: 10,
    clause: '欢迎和鼓励会员国和联合国系统、包括反恐执行工作队在这一领域作出努力和开展活动',
    code: 'P10-victims-support',
    mentions: '欢迎和鼓励会员国在这一领域作出努力和开展活动',
  },
  {
    paragraph: 20,
    clause: '会员国之间需要加强合作与团结，特别是通过双边和多边安排和协议，以防止和制止恐怖袭击',
    code: 'P20-regional-cooperation',
    mentions: '会员国之间需要通过双边和多边安排与协议加强合作与团结',
  },
  {
    paragraph: 21,
    clause: '加强有关当局之间的协调',
    code: 'P21-information-exchange',
    mentions: '加强有关当局之间的协调',
  },
];

const data = loadSeedData();
const statement = data.documents.find((document) => document.symbol === 'S/PRST/2012/17')!;
const commitments = statement.commitments;
const memberStates = commitments.filter((commitment) => commitment.addressee === 'MEMBER_STATES');

describe('the member-state obligations of S/PRST/2012/17, paragraph by paragraph', () => {
  it('accounts for every one of the 28 paragraphs exactly once', () => {
    const listed = [...Object.keys(MEMBER_STATE_COMMITMENTS), ...Object.keys(NO_MEMBER_STATE_COMMITMENT)]
      .map(Number)
      .sort((a, b) => a - b);
    expect(listed).toEqual(statement.statement.paragraphs.map((_, index) => index + 1));
  });

  it.each(statement.statement.paragraphs.map((_, index) => index + 1))(
    'seeds exactly the member-state commitments of paragraph %i, with the strength of their wording',
    (paragraph) => {
      const seeded = memberStates
        .filter((commitment) => commitment.paragraph === paragraph)
        .map((commitment) => [commitment.code, commitment.strength]);
      expect(seeded).toEqual(MEMBER_STATE_COMMITMENTS[paragraph] ?? []);
    },
  );

  it('seeds the Charter obligations that paragraph 9 reaffirms, each quoting its own clause', () => {
    const paragraph9 = commitments.filter((commitment) => commitment.paragraph === 9);
    expect(paragraph9.map((commitment) => commitment.quote)).toEqual([
      '会员国在国际关系中应不威胁使用或使用武力侵犯任何国家的领土完整或政治独立',
      '并应在联合国根据《联合国宪章》采取的行动中全力协助联合国',
      '不应向联合国采取的预防或强制执行行动所针对的国家提供协助',
    ]);
    for (const commitment of paragraph9) {
      expect(commitment.theme).toBe('charter');
      expect(commitment.links.map((link) => link.reference)).toEqual([
        expect.stringMatching(/^Charter of the United Nations, Article 2 \([45]\)$/),
      ]);
    }
  });

  it.each(COVERED_CLAUSES)(
    'tracks the clause of paragraph $paragraph that $code covers',
    ({ paragraph, clause, code, mentions }) => {
      expect(statement.statement.paragraphs[paragraph - 1]).toContain(clause);
      const commitment = memberStates.find((candidate) => candidate.code === code);
      expect(commitment?.paragraph).toBe(paragraph);
      expect(commitment?.summary.zh).toContain(mentions);
    },
  );

  it('counts 32 member-state commitments and 7 on the UN system', () => {
    expect(memberStates).toHaveLength(32);
    expect(commitments.filter((commitment) => commitment.addressee === 'UN_SYSTEM')).toHaveLength(7);
  });
});
