import {
  Addressee,
  ApiTokenScope,
  ImplementationStatus,
  RatificationStatus,
  RegionalGroup,
  ReviewState,
  Role,
  SourceType,
  Strength,
} from '@/lib/generated/prisma/enums';

/**
 * The project's vocabulary: every value comes from the enums Prisma generates from prisma/schema.prisma, and each
 * display order is written here once, checked at compile time to list every value of its enum exactly once (a
 * value added to the schema breaks the build until it is placed). Validation schemas (z.enum(list)), the UI, CSV,
 * the OpenAPI document, the seed and SQL orderings all read these lists. Enums shown in no particular order are
 * re-exported as Prisma generates them (z.enum(ReviewState) takes the object). Labels live in messages/<locale>.
 * Safe to import from client components (enums.ts holds only constants).
 */
export {
  ActorKind,
  Addressee,
  ApiTokenScope,
  ImplementationStatus,
  LinkKind,
  RatificationStatus,
  RegionalGroup,
  ReviewState,
  Role,
  SourceType,
  Strength,
  Visibility,
} from '@/lib/generated/prisma/enums';

type Duplicates<List extends readonly unknown[]> = List extends readonly [infer Head, ...infer Rest]
  ? (Head extends Rest[number] ? Head : never) | Duplicates<Rest>
  : never;

/** `Order` when it lists every value of `Value` exactly once; otherwise a type that names what is wrong. */
type EveryValueOnce<Value extends string, Order extends readonly Value[]> = [Exclude<Value, Order[number]>] extends [
  never,
]
  ? [Duplicates<Order>] extends [never]
    ? Order
    : { listedTwice: Duplicates<Order> }
  : { missing: Exclude<Value, Order[number]> };

/**
 * `orderOf(Enum)([...])` returns the list as given, typed as a tuple; it compiles only when the list holds every
 * value of the generated enum object `Enum` exactly once. The same is checked when the module loads (throws an
 * Error naming the enum's values), for a generated client newer than the code that was type-checked.
 */
export function orderOf<const Enum extends Record<string, string>>(values: Enum) {
  return <const Order extends readonly Enum[keyof Enum][]>(order: Order & EveryValueOnce<Enum[keyof Enum], Order>) => {
    const expected = Object.values(values);
    if (order.length !== expected.length || !expected.every((value) => order.includes(value as Enum[keyof Enum]))) {
      throw new Error(`${order.join(', ')} does not list each of ${expected.join(', ')} once`);
    }
    return order as Order;
  };
}

export const ADDRESSEES = orderOf(Addressee)(['MEMBER_STATES', 'UN_SYSTEM']);

/** From the strongest wording to the weakest. */
export const STRENGTHS = orderOf(Strength)(['OBLIGATION', 'CALL', 'STRESS', 'ENCOURAGEMENT', 'RECOGNITION']);

export const REGIONAL_GROUPS = orderOf(RegionalGroup)([
  'AFRICAN',
  'ASIA_PACIFIC',
  'EASTERN_EUROPEAN',
  'LATIN_AMERICAN_CARIBBEAN',
  'WESTERN_EUROPEAN_OTHERS',
]);

/**
 * The order of implementation statuses everywhere (legends, tables, forms, charts, the matrix's one-character
 * cells, the API): the most advanced first, then "not applicable", then "no information".
 */
export const IMPLEMENTATION_STATUSES = orderOf(ImplementationStatus)([
  'FULLY_IMPLEMENTED',
  'PARTIALLY_IMPLEMENTED',
  'IN_PROGRESS',
  'NOT_STARTED',
  'NOT_APPLICABLE',
  'NO_INFORMATION',
]);

/** The statuses that are no step of implementation, and so have no rank. */
const UNRANKED: readonly ImplementationStatus[] = ['NOT_APPLICABLE', 'NO_INFORMATION'];

/**
 * The steps of implementation from the first to the last (NOT_STARTED … FULLY_IMPLEMENTED): IMPLEMENTATION_STATUSES
 * reversed, without the unranked statuses. A step's rank is its index + 1.
 */
export const PROGRESS_STEPS: readonly ImplementationStatus[] = IMPLEMENTATION_STATUSES.filter(
  (status) => !UNRANKED.includes(status),
).reverse();

const RANK = new Map(PROGRESS_STEPS.map((status, index) => [status, index + 1]));

/** 1 (not started) … 4 (fully implemented); null for "not applicable" and "no information". */
export function progressRank(status: ImplementationStatus): number | null {
  return RANK.get(status) ?? null;
}

export const SOURCE_TYPES = orderOf(SourceType)([
  'NATIONAL_LEGISLATION',
  'GOVERNMENT_REPORT',
  'UN_CTED',
  'FATF_REGIONAL_BODY',
  'NGO',
  'MEDIA',
  'OTHER',
]);

/** An actor's status for an instrument; the last five are ways of consenting to be bound, i.e. being a party. */
export const RATIFICATION_STATUSES = orderOf(RatificationStatus)([
  'NOT_PARTY',
  'SIGNED',
  'RATIFICATION',
  'ACCESSION',
  'ACCEPTANCE',
  'APPROVAL',
  'SUCCESSION',
]);

export const PARTY_STATUSES = [
  'RATIFICATION',
  'ACCESSION',
  'ACCEPTANCE',
  'APPROVAL',
  'SUCCESSION',
] as const satisfies readonly RatificationStatus[];

/** Whether `status` (any text, e.g. a CSV cell) is one of PARTY_STATUSES. */
export function isPartyStatus(status: string): boolean {
  return (PARTY_STATUSES as readonly string[]).includes(status);
}

/** From the most trusted role to the least (see lib/permissions.ts for what each may do). */
export const ROLES = orderOf(Role)(['ADMIN', 'REVIEWER', 'EDITOR', 'VIEWER']);

/** The review states in the order a record passes through them (returned last). */
export const REVIEW_STATES = orderOf(ReviewState)(['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED']);

export const API_TOKEN_SCOPES = orderOf(ApiTokenScope)(['READ', 'READ_WRITE']);
