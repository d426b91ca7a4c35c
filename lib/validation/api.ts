import { z } from 'zod';
import { PageQuery } from '@/lib/api/cursor';
import {
  actorCode as actor,
  commitmentCode,
  FIRST_MONTH,
  instrumentCode,
  LAST_MONTH,
  month as monthOf,
  themeCode as theme,
} from '@/lib/validation/codes';
import { DateTime, Day } from '@/lib/validation/primitives';
import {
  ActorKind,
  ADDRESSEES,
  IMPLEMENTATION_STATUSES,
  REGIONAL_GROUPS,
  ReviewState,
  STRENGTHS,
} from '@/lib/vocabulary';

/**
 * Query parameters of the JSON API. Unlike the pages' URL filters (lib/validation/filters.ts), which drop a
 * malformed value so that an old link still opens, the API refuses one with 400: a program should learn of its
 * mistake rather than get unfiltered data.
 */
const themeCode = theme('themeInvalid');
const actorCode = actor('actorInvalid');
const isoDate = Day;

export const CommitmentQuery = z.object({
  theme: themeCode.optional(),
  addressee: z.enum(ADDRESSEES).optional(),
  strength: z.enum(STRENGTHS).optional(),
});

export const ActorQuery = z.object({
  kind: z.enum(ActorKind).optional(),
  group: z.enum(REGIONAL_GROUPS).optional(),
});

export const MatrixQuery = z.object({ theme: themeCode.optional(), group: z.enum(REGIONAL_GROUPS).optional() });

const month = monthOf('monthInvalid').meta({ description: `A month, YYYY-MM, from ${FIRST_MONTH} to ${LAST_MONTH}.` });

export const ProgressQuery = z
  .object({
    theme: themeCode.optional(),
    commitment: commitmentCode('commitmentInvalid').optional(),
    group: z.enum(REGIONAL_GROUPS).optional(),
    country: actorCode.optional(),
    from: month.optional().meta({ description: 'First month (default 2005-01).' }),
    to: month.optional().meta({ description: 'Last month (default: this month).' }),
  })
  .refine((query) => !(query.from && query.to && query.from > query.to), {
    message: 'rangeReversed',
    path: ['from'],
  });

export const EvidenceQuery = PageQuery.extend({
  actor: actorCode.optional().meta({ description: 'Actor code (ISO alpha-3 or UN entity code).' }),
  commitment: commitmentCode('commitmentInvalid').optional(),
  theme: themeCode.optional(),
  state: z.enum(ReviewState).optional().meta({ description: 'Review state.' }),
  status: z
    .enum(IMPLEMENTATION_STATUSES)
    .optional()
    .meta({ description: 'Implementation status of the latest revision.' }),
  observedFrom: isoDate.optional().meta({ description: 'Latest revision observed on or after (YYYY-MM-DD).' }),
  observedTo: isoDate.optional().meta({ description: 'Latest revision observed on or before (YYYY-MM-DD).' }),
  updatedSince: DateTime({ offset: true })
    .optional()
    .meta({
      description:
        'Changed at or after (ISO 8601), for people looking at recent changes. Not a way to sync: a long ' +
        'transaction commits changes stamped with its start time, after a poller has moved past it. Sync with ' +
        '/api/v1/evidence/changes.',
    }),
});

/** The change feed: a position to resume from (absent the first time) and a page size. */
export const EvidenceChangesQuery = PageQuery.pick({ limit: true }).extend({
  since: z
    .string()
    .max(500)
    .optional()
    .meta({
      description:
        'The `changeToken` of the previous answer (or its `nextCursor`); absent on the first sync, which starts ' +
        'from the beginning.',
    }),
});

export const RatificationQuery = PageQuery.extend({
  actor: actorCode.optional(),
  instrument: instrumentCode('instrumentInvalid').optional(),
});

export const EvidenceIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .meta({ description: 'Evidence id.' }),
});
export const CodeParam = z.object({ code: z.string().max(60) });
export const RatificationParams = z.object({
  actorCode: z.string().max(40).meta({ description: 'ISO 3166-1 alpha-3 code of a member state.' }),
  instrumentCode: z.string().max(60).meta({ description: 'Instrument code, e.g. bombings-1997.' }),
});
