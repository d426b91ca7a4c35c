import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { API_ROUTES, openApiDocument, UNDOCUMENTED_ROUTE_FILES } from '@/lib/api/openapi';
import { ErrorSchema } from '@/lib/api/schemas';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import * as openapiRoute from '@/app/api/v1/openapi.json/route';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * The OpenAPI document against the code: every route file under app/api/v1 and every method it exports is in the
 * document (and nothing else is), and real responses of every documented operation parse with the schemas the
 * document was generated from.
 */
const ROOT = 'app/api/v1';

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return entry === 'route.ts' ? [path] : [];
  });
}

/** app/api/v1/evidence/[id]/route.ts → /api/v1/evidence/{id} */
const openApiPath = (file: string) =>
  `/${relative('app', file)}`.replace(/\/route\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}');

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
});
afterAll(async () => dispose?.());

describe('the OpenAPI document', () => {
  it('is served as OpenAPI 3.1 at /api/v1/openapi.json', async () => {
    const response = await call(openapiRoute.GET, { path: '/api/v1/openapi.json' });
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    expect(response.json.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(response.json.components.schemas).toHaveProperty('Error');
  });

  it('lists exactly the routes and methods that app/api/v1 serves', async () => {
    const served: string[] = [];
    for (const file of routeFiles(ROOT)) {
      if (UNDOCUMENTED_ROUTE_FILES.includes(file)) continue;
      const routeExports = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, '')}`)) as Record<
        string,
        unknown
      >;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (typeof routeExports[method] === 'function') served.push(`${method.toLowerCase()} ${openApiPath(file)}`);
      }
    }
    const document = openApiDocument();
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method} ${path}`),
    );
    expect(served.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual(served.sort());
    for (const file of UNDOCUMENTED_ROUTE_FILES) expect(statSync(file).isFile()).toBe(true);
  });

  it('every documented operation answers what its schema says, with real data', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const editorToken = (await tokenFor(db, editor.user!)).secret;
    const reviewerToken = (await tokenFor(db, reviewer.user!)).secret;
    const evidence = {
      actorCode: 'KEN',
      commitmentCode: 'P08-financing',
      observedOn: '2024-03-01',
      status: 'IN_PROGRESS',
      summaryEn: 'Bill tabled.',
      summaryZh: '法案已提交。',
      tags: ['finance'],
      score: 1,
      sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill', publishedOn: '2024-02-01' }],
    };
    const routeModule = async (path: string) =>
      (await import(/* @vite-ignore */ `@/app${path.replace(/\{(\w+)\}/g, '[$1]')}/route`)) as Record<string, unknown>;

    // One real call per documented operation, in an order that makes each meaningful.
    const state = { id: 0, etag: '' };
    const plans: Record<string, () => Parameters<typeof call>[1] | Promise<Parameters<typeof call>[1]>> = {
      'get /api/v1/me': () => ({ path: '/api/v1/me', token: editorToken }),
      'get /api/v1/commitments': () => ({ path: '/api/v1/commitments?addressee=MEMBER_STATES', token: editorToken }),
      'get /api/v1/commitments/{code}': () => ({
        path: '/api/v1/commitments/P08-financing',
        params: { code: 'P08-financing' },
        token: editorToken,
      }),
      'get /api/v1/actors': () => ({ path: '/api/v1/actors', token: editorToken }),
      'get /api/v1/actors/{code}': () => ({ path: '/api/v1/actors/ken', params: { code: 'ken' }, token: editorToken }),
      'get /api/v1/instruments': () => ({ path: '/api/v1/instruments', token: editorToken }),
      'post /api/v1/evidence': () => ({ method: 'POST', path: '/api/v1/evidence', token: editorToken, body: evidence }),
      'get /api/v1/evidence': () => ({ path: '/api/v1/evidence?limit=5', token: editorToken }),
      'get /api/v1/evidence/changes': () => ({ path: '/api/v1/evidence/changes?limit=5', token: editorToken }),
      'get /api/v1/evidence/{id}': () => ({
        path: `/api/v1/evidence/${state.id}`,
        params: { id: String(state.id) },
        token: editorToken,
      }),
      'put /api/v1/evidence/{id}': () => ({
        method: 'PUT',
        path: `/api/v1/evidence/${state.id}`,
        params: { id: String(state.id) },
        token: editorToken,
        headers: { 'if-match': state.etag },
        body: { ...evidence, visibility: 'PUBLIC' },
      }),
      'post /api/v1/evidence/{id}/submit': () => ({
        method: 'POST',
        path: `/api/v1/evidence/${state.id}/submit`,
        params: { id: String(state.id) },
        token: editorToken,
        headers: { 'if-match': state.etag },
      }),
      'post /api/v1/evidence/{id}/review': () => ({
        method: 'POST',
        path: `/api/v1/evidence/${state.id}/review`,
        params: { id: String(state.id) },
        token: reviewerToken,
        headers: { 'if-match': state.etag },
        body: { decision: 'verify' },
      }),
      // The record was saved as public above; verified, it can be withdrawn from the public.
      'post /api/v1/evidence/{id}/unpublish': () => ({
        method: 'POST',
        path: `/api/v1/evidence/${state.id}/unpublish`,
        params: { id: String(state.id) },
        token: editorToken,
        headers: { 'if-match': state.etag },
      }),
      'get /api/v1/status-matrix': () => ({ path: '/api/v1/status-matrix', token: editorToken }),
      'get /api/v1/progress': () => ({ path: '/api/v1/progress?from=2020-01&to=2020-12', token: editorToken }),
      'put /api/v1/ratification/{actorCode}/{instrumentCode}': () => ({
        method: 'PUT',
        path: '/api/v1/ratification/KEN/bombings-1997',
        params: { actorCode: 'KEN', instrumentCode: 'bombings-1997' },
        token: editorToken,
        headers: { 'if-none-match': '*' },
        body: { status: 'ACCESSION', consentedOn: '2001-11-16', signedOn: '1998-01-12', note: 'n' },
      }),
      'get /api/v1/ratification/{actorCode}/{instrumentCode}': () => ({
        path: '/api/v1/ratification/KEN/bombings-1997',
        params: { actorCode: 'KEN', instrumentCode: 'bombings-1997' },
        token: editorToken,
      }),
      'get /api/v1/ratification': () => ({ path: '/api/v1/ratification?actor=KEN', token: editorToken }),
      // Records of their own: the author withdraws a submission and deletes a draft.
      'post /api/v1/evidence/{id}/withdraw': async () => {
        const id = await ownRecord('submit');
        return {
          method: 'POST',
          path: `/api/v1/evidence/${id}/withdraw`,
          params: { id: String(id) },
          token: editorToken,
          headers: { 'if-match': `"evidence-${id}-v1"` },
        };
      },
      'delete /api/v1/evidence/{id}': async () => {
        const id = await ownRecord('draft');
        return {
          method: 'DELETE',
          path: `/api/v1/evidence/${id}`,
          params: { id: String(id) },
          token: editorToken,
          headers: { 'if-match': `"evidence-${id}-v1"` },
        };
      },
    };
    const ownRecord = async (intent: 'draft' | 'submit') => {
      const created = await operations.createEvidence.run(
        { user: editor.user, requestId: null, prisma: db.prisma },
        { ...evidence, intent },
      );
      if (!created.ok) throw new Error(JSON.stringify(created));
      return created.value.id;
    };
    expect(Object.keys(plans).sort()).toEqual(API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());

    for (const key of Object.keys(plans)) {
      const route = API_ROUTES.find((candidate) => `${candidate.method} ${candidate.path}` === key)!;
      const handler = (await routeModule(route.path))[route.method.toUpperCase()];
      const response = await call(handler, await plans[key]!());
      expect({ key, status: response.status }).toEqual({
        key,
        status: key.startsWith('put /api/v1/ratification') ? 201 : route.success.status,
      });
      const parsed = (route.success.schema as z.ZodType).safeParse(response.json);
      expect({ key, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ key, issues: [] });
      if (route.success.etag) expect(response.headers.get('etag')).toMatch(/^"[\w.-]+-v\d+"$/);
      if (key.includes('/evidence') && response.json.data?.id && !key.match(/withdraw|delete/)) {
        state.id = response.json.data.id;
        state.etag = response.headers.get('etag') ?? state.etag;
      }
    }
    // The evidence went all the way through and now counts in the matrix.
    const matrix = await call((await routeModule('/api/v1/status-matrix')).GET, {
      path: '/api/v1/status-matrix',
      token: editorToken,
    });
    expect(matrix.json.data.rows.find((row: { code: string }) => row.code === 'KEN').cells['P08-financing']).toBe(
      'IN_PROGRESS',
    );

    // And errors parse with the error schema.
    const failed = await call((await routeModule('/api/v1/evidence')).POST, {
      method: 'POST',
      path: '/api/v1/evidence',
      token: editorToken,
      body: {},
    });
    expect(failed.status).toBe(422);
    expect(ErrorSchema.safeParse(failed.json).success).toBe(true);
  });
});
