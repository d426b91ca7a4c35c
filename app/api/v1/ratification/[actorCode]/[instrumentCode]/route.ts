import { ApiError } from '@/lib/api/errors';
import { etagOf, versionFromIfMatch } from '@/lib/api/etag';
import { findRatification } from '@/lib/api/resources';
import { apiRoute, json, readJsonBody, runOperation } from '@/lib/api/route';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { operations } from '@/lib/operations';

type Params = { actorCode: string; instrumentCode: string };

const keyOf = (params: Params) => ({ actor: params.actorCode.toUpperCase(), instrument: params.instrumentCode });

async function respond(prisma: PrismaClient, params: Params, status = 200) {
  const { actor, instrument } = keyOf(params);
  const row = await findRatification(prisma, actor, instrument);
  if (!row) {
    throw new ApiError(
      404,
      'not_found',
      'Nothing is recorded for this member state and instrument (PUT with If-None-Match: * records the first status).',
    );
  }
  return json({ data: row }, { status, etag: etagOf('ratification', `${actor}.${instrument}`, row.version) });
}

/** GET /api/v1/ratification/{actorCode}/{instrumentCode} — one state's status for one instrument. */
export const GET = apiRoute<Params>('public-read', async ({ prisma, params }) => respond(prisma, params));

/**
 * PUT /api/v1/ratification/{actorCode}/{instrumentCode} — records the status: If-Match with the ETag read to
 * change it, If-None-Match: * to record the first one.
 */
export const PUT = apiRoute<Params>('write', async (context) => {
  const { actor, instrument } = keyOf(context.params);
  const headers = context.request.headers;
  const existing = await findRatification(context.prisma, actor, instrument);
  let version: number;
  if (headers.get('if-none-match')?.trim() === '*' && !headers.has('if-match')) {
    if (existing) {
      throw new ApiError(412, 'precondition_failed', 'A status is already recorded; send its ETag as If-Match.');
    }
    version = 0;
  } else {
    version = versionFromIfMatch(headers, 'ratification', `${actor}.${instrument}`, existing?.version ?? null);
  }
  const body = await readJsonBody(context.request);
  await runOperation(context, operations.updateRatification, {
    ...body,
    actorCode: actor,
    instrumentCode: instrument,
    version,
  });
  return respond(context.prisma, context.params, version === 0 ? 201 : 200);
});
