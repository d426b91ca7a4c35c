import {
  ImplementationStatus,
  RatificationStatus,
  RegionalGroup,
  ReviewState,
  Role,
  SourceType,
  Visibility,
} from '@/lib/vocabulary';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@/lib/audit';

/**
 * The message that names each code a reader may meet in stored data (review states, implementation statuses,
 * visibility, source types, ratification statuses, roles, regional groups), by the code itself: the enums' values are disjoint, so
 * a value found anywhere (an audit event's before and after, say) names its own label. Values are message keys
 * from the root of the catalogue ("evidence.states.DRAFT").
 */
export const CODE_MESSAGES: ReadonlyMap<string, string> = new Map([
  ...Object.values(ReviewState).map((code) => [code, `evidence.states.${code}`] as const),
  ...Object.values(ImplementationStatus).map((code) => [code, `status.implementation.${code}`] as const),
  ...Object.values(Visibility).map((code) => [code, `evidence.visibilities.${code}`] as const),
  ...Object.values(SourceType).map((code) => [code, `evidence.sourceTypes.${code}`] as const),
  ...Object.values(RatificationStatus).map((code) => [code, `ratification.statuses.${code}`] as const),
  ...Object.values(Role).map((code) => [code, `roles.${code}`] as const),
  ...Object.values(RegionalGroup).map((code) => [code, `enums.regionalGroup.${code}`] as const),
]);

/**
 * A stored value for a reader: a code of CODE_MESSAGES becomes its label through `t` (a translator from the root
 * of the catalogue), arrays and objects are told value by value ("key: value; …"), null is '' and anything else
 * is shown as it is.
 */
export function readableValue(value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const key = CODE_MESSAGES.get(value);
    return key ? t(key) : value;
  }
  if (Array.isArray(value)) return value.map((item) => readableValue(item, t)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${readableValue(item, t)}`)
      .join('; ');
  }
  return String(value);
}

const AUDIT_ACTION_SET: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
const AUDIT_ENTITY_SET: ReadonlySet<string> = new Set(AUDIT_ENTITY_TYPES);

/**
 * An audit event's action ("evidence.verify") and what it is about ("Evidence", id "12") in the reader's words,
 * through `t` (a translator from the root of the catalogue): "Evidence verified", "Evidence #12". A value no
 * longer in AUDIT_ACTIONS / AUDIT_ENTITY_TYPES (an older event) is shown as stored.
 */
export function auditActionWords(action: string, t: (key: string) => string): string {
  return AUDIT_ACTION_SET.has(action) ? t(`audit.actions.${action}`) : action;
}

export function auditEntityWords(entityType: string, entityId: string | null, t: (key: string) => string): string {
  const entity = AUDIT_ENTITY_SET.has(entityType) ? t(`audit.entities.${entityType}`) : entityType;
  return entityId ? `${entity} #${entityId}` : entity;
}
