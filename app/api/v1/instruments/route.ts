import { listInstruments } from '@/lib/api/reference';
import { apiRoute, json } from '@/lib/api/route';

/** GET /api/v1/instruments — the international legal instruments against terrorism. */
export const GET = apiRoute('public-read', async ({ prisma }) => json({ data: await listInstruments(prisma) }));
