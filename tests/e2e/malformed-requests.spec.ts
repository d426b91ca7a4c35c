import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { storageStatePath } from './support/users';

/**
 * Server-action posts that no page of this site sends, signed in as an admin (so an action that ran could
 * write): another site's Origin, an action id Next.js never makes or does not know, a body type an action never
 * has, a body that does not decode, a multipart body that does not parse, and a real action called with
 * arguments of the wrong shape. Each gets a 4xx, never a 500, and the audit trail (every write is audited in its
 * transaction) gains no event. Unusual methods are in hardening.spec.ts.
 */

/** The id Next.js gave a server action of this build, from the manifest `next build` wrote. */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`No server action ${exportedName} in this build`);
  return id;
}

async function settingEvents(request: APIRequestContext): Promise<number> {
  const response = await request.get('/api/admin/audit/export?action=setting.update');
  expect(response.status()).toBe(200);
  return (await response.text()).trim().split('\n').length - 1;
}

test.use({ storageState: storageStatePath('admin') });

test('malformed and cross-site server-action posts get a 4xx and write nothing', async ({ request, baseURL }) => {
  const id = actionId('setPublicViewAction');
  const own = new URL(baseURL!).origin;
  const boundary = '----e2eBoundary7MA4YWxkTrZu0gW';
  // What the form would post, had the request been well formed: the public view switched on.
  const multipart = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="1_publicView"',
    '',
    'on',
    `--${boundary}`,
    'Content-Disposition: form-data; name="0"',
    '',
    '["$K1"]',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  const mpa = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="$ACTION_ID_${id}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Disposition: form-data; name="publicView"',
    '',
    'on',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  const multipartType = `multipart/form-data; boundary=${boundary}`;

  const cases: { name: string; headers: Record<string, string>; data: string }[] = [
    {
      name: 'another site’s Origin',
      headers: { 'Next-Action': id, Origin: 'http://evil.example', 'Content-Type': multipartType },
      data: multipart,
    },
    {
      name: 'an Origin of null',
      headers: { 'Next-Action': id, Origin: 'null', 'Content-Type': multipartType },
      data: multipart,
    },
    {
      name: 'a form post without script from another site',
      headers: { Origin: 'http://evil.example', 'Content-Type': multipartType },
      data: mpa,
    },
    {
      name: 'an unknown action id',
      headers: { 'Next-Action': 'ab'.repeat(21), Origin: own, 'Content-Type': multipartType },
      data: multipart,
    },
    {
      name: 'an action id Next.js never makes',
      headers: { 'Next-Action': 'not-an-action', Origin: own, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[]',
    },
    {
      name: 'a wrong content type',
      headers: { 'Next-Action': id, Origin: own, 'Content-Type': 'application/json' },
      data: '{"publicView":"on"}',
    },
    {
      name: 'a body that does not decode',
      headers: { 'Next-Action': id, Origin: own, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '{{{ not a reply',
    },
    {
      name: 'a multipart body that does not parse',
      headers: { 'Next-Action': id, Origin: own, 'Content-Type': multipartType },
      data: 'this is not multipart at all',
    },
    {
      name: 'a multipart type without a boundary',
      headers: { 'Next-Action': id, Origin: own, 'Content-Type': 'multipart/form-data' },
      data: multipart,
    },
    {
      name: 'arguments of the wrong shape',
      headers: { 'Next-Action': id, Origin: own, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '["publicView","on"]',
    },
    {
      name: 'no arguments',
      headers: { 'Next-Action': id, Origin: own, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[]',
    },
    {
      name: 'a form post without script, with arguments of the wrong shape',
      headers: { Origin: own, 'Content-Type': multipartType },
      data: mpa,
    },
  ];

  const before = await settingEvents(request);
  const answers: string[] = [];
  for (const { name, headers, data } of cases) {
    for (const path of ['/en', '/en/admin/settings']) {
      const response: APIResponse = await request.post(path, { headers, data, maxRedirects: 0 });
      const body = (await response.text()).slice(0, 200);
      answers.push(`${response.status()} ${name} (${path})`);
      expect.soft(response.status(), `${name} on ${path}: ${body}`).toBeGreaterThanOrEqual(400);
      expect.soft(response.status(), `${name} on ${path}`).toBeLessThan(500);
      // A short error saying what was wrong, not a page or a framework payload.
      expect.soft(body, `${name} on ${path}`).toMatch(/server action/i);
    }
  }
  test.info().annotations.push({ type: 'statuses', description: answers.join('; ') });
  expect(await settingEvents(request)).toBe(before);
});
