import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { requireReader } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import { findInstruments } from '@/lib/queries/instruments';

export interface InstrumentListItem {
  code: string;
  year: number;
  shortName: string;
  title: string;
  depositary: string;
  adoptedOn: Date;
  entryIntoForceOn: Date | null;
}

export async function listInstruments(locale: Locale): Promise<InstrumentListItem[]> {
  await requireReader();
  return queryInstruments(await requestPrisma(), locale);
}

/** The 19 instruments by adoption date (then the seed's order), without the page guard (the instruments CSV). */
export async function queryInstruments(prisma: PrismaClient, locale: Locale): Promise<InstrumentListItem[]> {
  const rows = await findInstruments(prisma);
  return rows.map((row) => ({
    code: row.code,
    year: row.year,
    shortName: localize(row.shortName, locale),
    title: localize(row.title, locale),
    depositary: localize(row.depositary, locale),
    adoptedOn: row.adoptedOn,
    entryIntoForceOn: row.entryIntoForceOn,
  }));
}

/** Instruments that existed (had been adopted) on a date, e.g. the 18 of the 19 in force or open on 4 May 2012. */
export function adoptedBy(instruments: readonly InstrumentListItem[], date: Date): InstrumentListItem[] {
  return instruments.filter((instrument) => instrument.adoptedOn <= date);
}
