import common from '@/messages/en.json';
import api from '@/messages/en/api.json';
import evidence from '@/messages/en/evidence.json';
import type { Failure, StaleSave } from '@/lib/operations/define';

/**
 * The one error shape of the JSON API and every other route handler: `{ error: { code, message, fields?, details?,
 * current?, requestId? } }`. `code` is stable and machine-readable; `message` is English text; `fields` maps a field
 * path to the keys of what is wrong with it (the same keys the forms translate, e.g. "dateInFuture"); `details`
 * holds values the message names (e.g. `{ limit: 100 }`); `current` is what a record is now after a stale save.
 */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500;

export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
    /** `details`: values the message names, for clients that word it themselves (e.g. `{ limit: 100 }`);
     * `staleSave`: a stale save (lib/operations/version-claim.ts), what the record is now. */
    readonly extra: { details?: Record<string, string | number>; staleSave?: StaleSave } = {},
  ) {
    super(message);
  }
}

const OUTCOMES: Record<string, string> = { ...common.outcomes, ...evidence.outcomes, ...api.outcomes };

/** English text for an outcome key of the operations, or the key itself when it has none. */
export function outcomeText(key: string): string {
  return OUTCOMES[key] ?? key;
}

export function errorResponse(error: ApiError, requestId?: string): Response {
  return Response.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.extra.details ? { details: error.extra.details } : {}),
        ...(error.extra.staleSave ? { current: currentOf(error.extra.staleSave) } : {}),
        ...(requestId ? { requestId } : {}),
      },
    },
    {
      status: error.status,
      headers: { 'Cache-Control': 'no-store', ...(requestId ? { 'X-Request-Id': requestId } : {}), ...error.headers },
    },
  );
}

/** What a stale save's record is now, as the API shows it: `{ version, changedAt, changedBy, state }`. */
function currentOf(staleSave: StaleSave) {
  return {
    version: staleSave.current,
    changedAt: staleSave.changedAt,
    changedBy: staleSave.changedBy,
    ...(staleSave.entity === 'evidence' ? { state: staleSave.state } : {}),
  };
}

/**
 * An operation's failure as an API error. Validation failures (the zod schemas, or a business rule on a field)
 * are 422 with `fields`; a stale save is 412 `precondition_failed` with `current` (what the record is now), since
 * in the API the version a write names is its If-Match (RFC 9110 13.1.1), checked again atomically by the write.
 */
export function failureToApiError(failure: Failure): ApiError {
  const message = outcomeText(failure.message);
  switch (failure.status) {
    case 400:
      return new ApiError(422, 'validation_failed', message, failure.fieldErrors);
    case 409:
      if (failure.staleSave) {
        return new ApiError(
          412,
          'precondition_failed',
          `${message} Read the record again for its current ETag.`,
          undefined,
          undefined,
          { staleSave: failure.staleSave },
        );
      }
      return new ApiError(409, failure.code, message, failure.fieldErrors);
    case 401:
    case 403:
    case 404:
    case 429:
      return new ApiError(failure.status, failure.code, message, failure.fieldErrors);
    default:
      return new ApiError(500, 'internal', 'Something went wrong; nothing was changed.');
  }
}
