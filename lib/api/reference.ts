import type { z } from 'zod';
import type { ActorSchema, CommitmentSchema, InstrumentSchema } from '@/lib/api/schemas';
import type { Instrument } from '@/lib/generated/prisma/client';
import type { ActorRow } from '@/lib/queries/actors';
import type { CommitmentRow } from '@/lib/queries/commitments';
import { isoDay, isoDayOrNull } from '@/lib/dates';

/**
 * The reference data as the API shows it: commitments, actors, instruments (all public once the view is on), mapped
 * from the rows of lib/queries. Text is every stored language ({ zh, en }); dates are YYYY-MM-DD, times ISO 8601.
 */
type Text = Record<string, string>;

export function commitmentView(row: CommitmentRow): z.input<typeof CommitmentSchema> {
  return {
    code: row.code,
    document: row.document.symbol,
    paragraph: row.paragraph.number,
    quote: row.quote,
    title: row.title as Text,
    summary: row.summary as Text,
    guidance: row.guidance as Text,
    theme: row.theme.code,
    addressee: row.addressee,
    strength: row.strength,
    links: row.links,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function actorView(row: ActorRow): z.input<typeof ActorSchema> {
  return {
    code: row.code,
    kind: row.kind,
    alpha2: row.alpha2,
    name: row.name as Text,
    regionalGroup: row.regionalGroup,
  };
}

export function instrumentView(row: Instrument): z.input<typeof InstrumentSchema> {
  return {
    code: row.code,
    year: row.year,
    adoptedOn: isoDay(row.adoptedOn),
    entryIntoForceOn: isoDayOrNull(row.entryIntoForceOn),
    shortName: row.shortName as Text,
    title: row.title as Text,
    depositary: row.depositary as Text,
  };
}
