import { instrumentView } from '@/lib/api/reference';
import { apiRoute, json } from '@/lib/api/route';
import { findInstruments } from '@/lib/queries/instruments';

/** GET /api/v1/instruments — the international legal instruments against terrorism. */
export const GET = apiRoute('public-read', async ({ prisma }) =>
  json({ data: (await findInstruments(prisma)).map(instrumentView) }),
);
