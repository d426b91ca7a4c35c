import { authorizeApiCall, type ApiAccess, type ApiCaller } from '@/lib/api/auth';
import { ApiError, errorResponse, failureToApiError } from '@/lib/api/errors';
import { getPrisma } from '@/lib/db';
import { clientRequestId, newRequestId } from '@/lib/http/request-id';
import { BodyTooLargeError, readBodyLimited } from '@/lib/http/body';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Operation, Outcome } from '@/lib/operations/define';
import { findUnstorableText, parseInput } from '@/lib/validation/primitives';

/**
 * The one wrapper for every route under /api/v1: gives each request a server-made id (a client's X-Request-Id
 * is echoed apart as X-Client-Request-Id, lib/http/request-id.ts), identifies and authorizes the caller
 * (lib/api/auth.ts), runs the handler, and turns anything thrown into the one JSON error shape — an ApiError
 * as itself, anything else as a logged 500 that names the request id and never carries a stack trace.
 */
export interface ApiContext<Params> {
  request: Request;
  url: URL;
  params: Params;
  prisma: PrismaClient;
  caller: ApiCaller;
  requestId: string;
}

export type RouteHandler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** Request bodies larger than this are refused with 413 (the largest valid evidence record is about 70 kB). */
export const MAX_BODY_BYTES = 256 * 1024;

export function apiRoute<Params = Record<string, never>>(
  access: ApiAccess,
  handle: (context: ApiContext<Params>) => Promise<Response>,
): RouteHandler<Params> {
  return async (request, context) => {
    const requestId = newRequestId();
    const clientId = clientRequestId(request.headers);
    const withIds = (response: Response) => {
      response.headers.set('X-Request-Id', requestId);
      if (clientId) response.headers.set('X-Client-Request-Id', clientId);
      return response;
    };
    try {
      const prisma = await getPrisma();
      const caller = await authorizeApiCall(prisma, request, access);
      const params = ((await context?.params) ?? {}) as Params;
      // A path segment with text PostgreSQL cannot store (%00, a lone surrogate) names no record.
      if (findUnstorableText(params).length > 0) throw new ApiError(404, 'not_found', 'There is no such record.');
      const response = await handle({ request, url: new URL(request.url), params, prisma, caller, requestId });
      if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
      return withIds(response);
    } catch (error) {
      if (error instanceof ApiError) return withIds(errorResponse(error, requestId));
      console.error(
        `API ${request.method} ${safePath(request.url)} failed (request ${requestId}${clientId ? `, client request ${clientId}` : ''}):`,
        error,
      );
      return withIds(
        errorResponse(
          new ApiError(500, 'internal', `Something went wrong; nothing was changed. Quote request id ${requestId}.`),
          requestId,
        ),
      );
    }
  };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '?';
  }
}

/** A JSON response; `etag` sets a strong ETag. */
export function json(data: unknown, init: { status?: number; etag?: string; headers?: Record<string, string> } = {}) {
  return Response.json(data, {
    status: init.status ?? 200,
    headers: { ...(init.etag ? { ETag: init.etag } : {}), ...init.headers },
  });
}

/**
 * The request's JSON body: 415 unless it is declared JSON, 413 over MAX_BODY_BYTES (declared or actual),
 * 400 when it does not parse or is not a JSON object.
 */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBodyLimited(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLarge();
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_body', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function tooLarge() {
  return new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
}

/** Runs an operation as the caller and returns its value, or throws its failure as an ApiError. */
export async function runOperation<Output>(
  context: ApiContext<unknown>,
  operation: Operation<unknown, Output>,
  input: unknown,
): Promise<Output> {
  const outcome: Outcome<Output> = await operation.run(
    { user: context.caller.user, requestId: context.requestId, prisma: context.prisma },
    input,
  );
  if (!outcome.ok) throw failureToApiError(outcome);
  return outcome.value;
}

/** Query parameters parsed with a zod schema; 400 with `fields` when they do not fit. */
export function parseQuery<T>(url: URL, schema: Parameters<typeof parseInput<T>>[0]): T {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) raw[key] = value;
  const parsed = parseInput(schema, raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.issues) (fields[issue.path.join('.') || '_query'] ??= []).push(issue.message);
  throw new ApiError(400, 'invalid_query', 'Some query parameters are not valid.', fields);
}
