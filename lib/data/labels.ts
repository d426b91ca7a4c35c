/** Enum values shown in the UI, in display order; their labels live in messages/<locale>.json under "enums". */
export const ADDRESSEES = ['MEMBER_STATES', 'UN_SYSTEM'] as const;
export const STRENGTHS = ['OBLIGATION', 'CALL', 'STRESS', 'ENCOURAGEMENT', 'RECOGNITION'] as const;
export const REGIONAL_GROUPS = [
  'AFRICAN',
  'ASIA_PACIFIC',
  'EASTERN_EUROPEAN',
  'LATIN_AMERICAN_CARIBBEAN',
  'WESTERN_EUROPEAN_OTHERS',
] as const;

export type AddresseeValue = (typeof ADDRESSEES)[number];
export type StrengthValue = (typeof STRENGTHS)[number];
export type RegionalGroupValue = (typeof REGIONAL_GROUPS)[number];
