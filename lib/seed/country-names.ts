import countries from 'i18n-iso-countries';
import type { LocalizedText } from '@/lib/i18n/localized';
import type { MemberStateSeed } from '@/lib/seed/data';

/**
 * Country names come from i18n-iso-countries (CLDR-derived, zh and en); member-states.json overrides the few
 * where the UN's own short name differs. The Node entry of the package registers every language itself.
 */
export function memberStateName(state: MemberStateSeed): LocalizedText {
  if (state.nameOverride) return state.nameOverride;
  const zh = countries.getName(state.code, 'zh');
  const en = countries.getName(state.code, 'en');
  if (!zh || !en) throw new Error(`i18n-iso-countries has no zh/en name for ${state.code}; add a nameOverride.`);
  return { zh, en };
}
