import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { MAX_PAGE_SIZE } from '@/lib/api/cursor';
import {
  ActorSchema,
  changes,
  CommitmentSchema,
  ErrorSchema,
  EvidenceChangeSchema,
  EvidenceDeletionSchema,
  EvidenceSchema,
  InstrumentSchema,
  list,
  MatrixSchema,
  MeSchema,
  one,
  page,
  ProgressSchema,
  RatificationSchema,
} from '@/lib/api/schemas';
import {
  ActorQuery,
  CodeParam,
  CommitmentQuery,
  EvidenceChangesQuery,
  EvidenceIdParam,
  EvidenceQuery,
  MatrixQuery,
  ProgressQuery,
  RatificationParams,
  RatificationQuery,
} from '@/lib/validation/api';
import { CreateEvidenceInput, EvidenceFields, ReviewEvidenceInput } from '@/lib/validation/evidence';
import { UpdateRatificationInput } from '@/lib/validation/ratification';

/**
 * Bodies of routes whose path and If-Match carry some of the operation's input: the operation's own schema
 * without those fields (the same field schemas; the cross-field rules still apply when the operation runs).
 */
const ReviewBody = z.object(ReviewEvidenceInput.shape).omit({ id: true, version: true });
const RatificationBody = z
  .object(UpdateRatificationInput.shape)
  .omit({ actorCode: true, instrumentCode: true, version: true });

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate requests
 * (lib/validation/*) and describe responses (lib/api/schemas.ts). Every route file under app/api/v1 has an
 * entry in API_ROUTES; a test walks the folder and fails on a route missing here (or an entry without a file).
 */
type Access = 'public-read' | 'read' | 'write';

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request: invalid JSON, a body that is not an object, or bad query parameters.',
  401: 'No valid credentials: send an API token (or the public view is off).',
  403: 'The role or the token scope does not allow this, or a cross-site request with a session cookie.',
  404: 'No such record.',
  409:
    'The record is in a state that does not allow this (e.g. in review, own record, outside country scope), or ' +
    'concurrent writes kept aborting the transaction (write_conflict: try again).',
  412: 'If-Match names a version that is no longer current (or If-None-Match: * when a record exists).',
  413: 'The body is too large.',
  415: 'The body is not declared as application/json.',
  422: 'The body fails validation; `fields` says which fields and why.',
  428: 'If-Match is missing.',
  429: 'Too many failed token attempts from this address; see Retry-After.',
};

const errorResponses = (statuses: number[]) =>
  Object.fromEntries(
    [...statuses, 500].map((status) => [
      status,
      {
        description: ERROR_TEXT[status] ?? 'Unexpected error; the message names a request id.',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );

const READ_ERRORS = [400, 401, 403, 429];
const WRITE_ERRORS = [400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429];
const IfMatch = z.object({ 'if-match': z.string().meta({ description: 'The ETag read, e.g. "evidence-12-v3".' }) });

export interface ApiRouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path, with {param} for dynamic segments. */
  path: string;
  access: Access;
  summary: string;
  tag: string;
  request?: RouteConfig['request'];
  success: { status: number; description: string; schema?: z.ZodType; etag?: boolean };
  errors?: number[];
  /** A curl example for the reference page. */
  example?: string;
}

const jsonBody = (schema: z.ZodType, description: string) => ({
  description,
  required: true,
  content: { 'application/json': { schema } },
});

export const API_ROUTES: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/me',
    access: 'read',
    tag: 'Account',
    summary: 'The user (and token) the API takes the caller for.',
    success: { status: 200, description: 'The caller.', schema: one(MeSchema) },
    example: 'curl -H "Authorization: Bearer $TOKEN" $BASE/api/v1/me',
  },
  {
    method: 'get',
    path: '/api/v1/commitments',
    access: 'public-read',
    tag: 'Reference',
    summary: 'The commitments of the tracked statements.',
    request: { query: CommitmentQuery },
    success: { status: 200, description: 'All matching commitments.', schema: list(CommitmentSchema) },
    example: 'curl -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/commitments?theme=financing"',
  },
  {
    method: 'get',
    path: '/api/v1/commitments/{code}',
    access: 'public-read',
    tag: 'Reference',
    summary: 'One commitment.',
    request: { params: CodeParam },
    success: { status: 200, description: 'The commitment.', schema: one(CommitmentSchema), etag: true },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/actors',
    access: 'public-read',
    tag: 'Reference',
    summary: 'Member states and UN entities.',
    request: { query: ActorQuery },
    success: { status: 200, description: 'All matching actors.', schema: list(ActorSchema) },
  },
  {
    method: 'get',
    path: '/api/v1/actors/{code}',
    access: 'public-read',
    tag: 'Reference',
    summary: 'One member state or UN entity.',
    request: { params: CodeParam },
    success: { status: 200, description: 'The actor.', schema: one(ActorSchema) },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/instruments',
    access: 'public-read',
    tag: 'Reference',
    summary: 'The international legal instruments against terrorism.',
    success: { status: 200, description: 'All instruments.', schema: list(InstrumentSchema) },
  },
  {
    method: 'get',
    path: '/api/v1/status-matrix',
    access: 'public-read',
    tag: 'Status',
    summary: 'Current status of every member state on every commitment addressed to member states.',
    request: { query: MatrixQuery },
    success: { status: 200, description: 'The matrix.', schema: one(MatrixSchema) },
    example: 'curl -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/status-matrix?group=AFRICAN"',
  },
  {
    method: 'get',
    path: '/api/v1/evidence',
    access: 'read',
    tag: 'Evidence',
    summary: `Evidence records, oldest change first, paginated (limit at most ${MAX_PAGE_SIZE}).`,
    request: { query: EvidenceQuery },
    success: { status: 200, description: 'A page of records.', schema: page(EvidenceSchema) },
    example: 'curl -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/evidence?actor=KEN&state=VERIFIED&limit=50"',
  },
  {
    method: 'get',
    path: '/api/v1/evidence/changes',
    access: 'read',
    tag: 'Evidence',
    summary:
      'The change feed to sync from: records changed after a stored position, in commit-safe order, with the ' +
      'position to resume from. It never skips a committed change, however long a transaction ran (it waits ' +
      'for the transactions still running). Call it with ?since=<changeToken> until nextCursor is null; store ' +
      'changeToken; poll again later from it. A deleted record comes as { id, deleted: true, deletedAt }: delete ' +
      'your copy of the record with that id.',
    request: { query: EvidenceChangesQuery },
    success: {
      status: 200,
      description: 'A page of changed records and tombstones of deleted ones.',
      schema: changes(EvidenceChangeSchema),
    },
    example: 'curl -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/evidence/changes?since=$CHANGE_TOKEN&limit=500"',
  },
  {
    method: 'post',
    path: '/api/v1/evidence',
    access: 'write',
    tag: 'Evidence',
    summary: 'Record new evidence, as a draft or submitted for review (intent).',
    request: { body: jsonBody(CreateEvidenceInput, 'The record, as on the entry form.') },
    success: { status: 201, description: 'The new record.', schema: one(EvidenceSchema), etag: true },
    errors: WRITE_ERRORS.filter((status) => status !== 412 && status !== 428),
    example: `curl -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
  -d '{"actorCode":"KEN","commitmentCode":"P08-financing","observedOn":"2024-03-01","status":"IN_PROGRESS",
       "summaryEn":"Bill tabled.","sources":[{"type":"NATIONAL_LEGISLATION","url":"https://example.org/bill"}]}' \\
  $BASE/api/v1/evidence`,
  },
  {
    method: 'get',
    path: '/api/v1/evidence/{id}',
    access: 'read',
    tag: 'Evidence',
    summary: 'One record with its latest revision.',
    request: { params: EvidenceIdParam },
    success: { status: 200, description: 'The record.', schema: one(EvidenceSchema), etag: true },
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/v1/evidence/{id}',
    access: 'write',
    tag: 'Evidence',
    summary: 'Save a new revision of a draft, returned or verified record.',
    request: { params: EvidenceIdParam, headers: IfMatch, body: jsonBody(EvidenceFields, 'The whole record.') },
    success: { status: 200, description: 'The record as saved.', schema: one(EvidenceSchema), etag: true },
    errors: WRITE_ERRORS,
    example: `curl -X PUT -H "Authorization: Bearer $TOKEN" -H 'If-Match: "evidence-12-v3"' \\
  -H "Content-Type: application/json" -d @record.json $BASE/api/v1/evidence/12`,
  },
  {
    method: 'post',
    path: '/api/v1/evidence/{id}/submit',
    access: 'write',
    tag: 'Evidence',
    summary: 'Submit a draft or returned record for review.',
    request: { params: EvidenceIdParam, headers: IfMatch },
    success: { status: 200, description: 'The submitted record.', schema: one(EvidenceSchema), etag: true },
    errors: WRITE_ERRORS.filter((status) => status !== 413 && status !== 415 && status !== 422),
  },
  {
    method: 'delete',
    path: '/api/v1/evidence/{id}',
    access: 'write',
    tag: 'Evidence',
    summary:
      'Delete a draft that never entered review (its author only: 403 not_author for others; 409 for a record ' +
      'that was ever submitted). The change feed then hands out its tombstone.',
    request: { params: EvidenceIdParam, headers: IfMatch },
    success: {
      status: 200,
      description: 'The tombstone of the deleted record, as the change feed shows it.',
      schema: one(EvidenceDeletionSchema),
    },
    errors: WRITE_ERRORS.filter((status) => status !== 413 && status !== 415 && status !== 422),
    example: `curl -X DELETE -H "Authorization: Bearer $TOKEN" -H 'If-Match: "evidence-12-v1"' $BASE/api/v1/evidence/12`,
  },
  {
    method: 'post',
    path: '/api/v1/evidence/{id}/withdraw',
    access: 'write',
    tag: 'Evidence',
    summary:
      'Take one’s own submission back to draft before it is reviewed (403 not_author for others; 409 when it ' +
      'is not waiting for review).',
    request: { params: EvidenceIdParam, headers: IfMatch },
    success: { status: 200, description: 'The record, a draft again.', schema: one(EvidenceSchema), etag: true },
    errors: WRITE_ERRORS.filter((status) => status !== 413 && status !== 415 && status !== 422),
  },
  {
    method: 'post',
    path: '/api/v1/evidence/{id}/review',
    access: 'write',
    tag: 'Evidence',
    summary: 'Verify or return a submitted record (reviewers; never one’s own).',
    request: {
      params: EvidenceIdParam,
      headers: IfMatch,
      body: jsonBody(ReviewBody, 'The decision; returning needs a comment.'),
    },
    success: { status: 200, description: 'The reviewed record.', schema: one(EvidenceSchema), etag: true },
    errors: WRITE_ERRORS,
    example: `curl -X POST -H "Authorization: Bearer $TOKEN" -H 'If-Match: "evidence-12-v4"' \\
  -H "Content-Type: application/json" -d '{"decision":"verify"}' $BASE/api/v1/evidence/12/review`,
  },
  {
    method: 'post',
    path: '/api/v1/evidence/{id}/unpublish',
    access: 'write',
    tag: 'Evidence',
    summary:
      'Withdraw a record from the public view, exports and API at once: every revision becomes internal (any ' +
      'state; 409 not_public when none is public).',
    request: { params: EvidenceIdParam, headers: IfMatch },
    success: { status: 200, description: 'The unpublished record.', schema: one(EvidenceSchema), etag: true },
    errors: WRITE_ERRORS.filter((status) => status !== 413 && status !== 415 && status !== 422),
  },
  {
    method: 'get',
    path: '/api/v1/ratification',
    access: 'public-read',
    tag: 'Ratification',
    summary: 'Recorded ratification statuses, by member state and/or instrument.',
    request: { query: RatificationQuery },
    success: { status: 200, description: 'A page of statuses.', schema: page(RatificationSchema) },
  },
  {
    method: 'get',
    path: '/api/v1/ratification/{actorCode}/{instrumentCode}',
    access: 'public-read',
    tag: 'Ratification',
    summary: 'One member state’s status for one instrument.',
    request: { params: RatificationParams },
    success: { status: 200, description: 'The status.', schema: one(RatificationSchema), etag: true },
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/v1/ratification/{actorCode}/{instrumentCode}',
    access: 'write',
    tag: 'Ratification',
    summary: 'Record the status: If-Match to change it, If-None-Match: * for the first one (201).',
    request: {
      params: RatificationParams,
      headers: z.object({
        'if-match': z.string().optional().meta({ description: 'The ETag read, to change a recorded status.' }),
        'if-none-match': z.literal('*').optional().meta({ description: '*, to record the first status.' }),
      }),
      body: jsonBody(RatificationBody, 'The status.'),
    },
    success: {
      status: 200,
      description: 'The status as saved (201 when first recorded).',
      schema: one(RatificationSchema),
      etag: true,
    },
    errors: WRITE_ERRORS,
    example: `curl -X PUT -H "Authorization: Bearer $TOKEN" -H 'If-None-Match: *' -H "Content-Type: application/json" \\
  -d '{"status":"ACCESSION","consentedOn":"2001-11-16"}' $BASE/api/v1/ratification/KEN/bombings-1997`,
  },
  {
    method: 'get',
    path: '/api/v1/progress',
    access: 'public-read',
    tag: 'Status',
    summary:
      'Progress over time: member state × commitment pairs at each status at the end of each month, by the latest verified evidence observed by then.',
    request: { query: ProgressQuery },
    success: { status: 200, description: 'The monthly series.', schema: one(ProgressSchema) },
    example: 'curl -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/progress?group=AFRICAN&from=2012-05"',
  },
];

/** Paths served outside API_ROUTES: the document itself and the catch-all 404. */
export const UNDOCUMENTED_ROUTE_FILES = ['app/api/v1/openapi.json/route.ts', 'app/api/v1/[[...path]]/route.ts'];

const ACCESS_TEXT: Record<Access, string> = {
  'public-read': 'Any reader; anonymous callers only while the public view is on (they then see public evidence only).',
  read: 'Signed-in readers (any role), with a token or a session.',
  write: 'A read-write token (or a same-origin session); the role must allow the operation.',
};

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (ct_…) created on the account page.',
  });
  for (const route of API_ROUTES) {
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      description: ACCESS_TEXT[route.access],
      tags: [route.tag],
      security: route.access === 'public-read' ? [{ [bearer.name]: [] }, {}] : [{ [bearer.name]: [] }],
      request: route.request,
      responses: {
        [route.success.status]: {
          description: route.success.description,
          ...(route.success.etag
            ? { headers: { ETag: { description: 'Strong tag of the version returned.', schema: { type: 'string' } } } }
            : {}),
          ...(route.success.schema ? { content: { 'application/json': { schema: route.success.schema } } } : {}),
        },
        ...errorResponses(route.errors ?? READ_ERRORS),
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Commitment Tracker API',
      version: '1',
      description:
        'Read and record implementation of S/PRST/2012/17. Errors: { error: { code, message, fields?, details?, current?, requestId? } }. ' +
        'Codes are read in any case ("ken", "p12-CONVENTIONS"); their `pattern` is that of the canonical form.',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}
