import { ApiError } from '@/lib/api/errors';
import { etagOf } from '@/lib/api/etag';
import { json } from '@/lib/api/route';
import { requireEvidence } from '@/lib/api/resources';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parseId } from '@/lib/validation/primitives';

/** Helpers shared by the evidence routes. */
export function evidenceIdFrom(param: string): number {
  const id = parseId(param);
  if (id === null) throw new ApiError(404, 'not_found', 'There is no such evidence record.');
  return id;
}

/** The record as it is now, with its ETag. */
export async function evidenceResponse(
  prisma: PrismaClient,
  id: number,
  status = 200,
  extra: Record<string, string> = {},
) {
  const evidence = await requireEvidence(prisma, id);
  return json({ data: evidence }, { status, etag: etagOf('evidence', id, evidence.version), headers: extra });
}
