import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { operations, type OperationName } from '@/lib/operations';
import { readdirSync, readFileSync } from 'node:fs';
import { createTestDatabase } from '../support/test-database';
import { fingerprint } from '../support/fingerprint';
import { generateTOTP } from '@epic-web/totp';
import { createSession } from '@/lib/auth/sessions';
import { newTotpSecret, sealEnrolmentOffer, sessionHandle } from '@/lib/auth/totp';
import { enrolTestTotp, signedInUser, TEST_PASSWORD } from '../support/users';
import type { Role } from '@/lib/vocabulary';

/**
 * Every operation × every kind of caller, on a real database: allowed → success; anonymous or a disabled
 * user (whose session no longer resolves) → 401, which pages turn into the sign-in redirect; any other role
 * without the permission → 403; an admin who must still change a one-time password ('pending') → 403 for
 * everything but changing that password; and nothing written on a refusal. An operation missing here fails
 * the suite.
 */
type Caller = 'anonymous' | 'disabled' | 'pending' | Role;
const CALLERS: Caller[] = ['anonymous', 'disabled', 'pending', 'VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'];
/** What a user whose one-time password is still pending may do. */
const WHILE_PENDING: OperationName[] = ['changeOwnPassword'];

interface Case {
  allowed: Role[];
  /** A valid input for the operation, prepared fresh for each caller. */
  input(db: Database, self: { id: number }): Promise<unknown>;
}

async function targetUser(db: Database) {
  const { id } = await signedInUser(db.prisma, 'VIEWER');
  const { version } = await db.prisma.user.findUniqueOrThrow({ where: { id } });
  return { id, version };
}

const EVIDENCE = {
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2024-03-01',
  status: 'IN_PROGRESS',
  summaryEn: 'Terrorist financing bill tabled in parliament.',
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
};

/** A record written by another editor, as a draft or submitted for review. */
async function evidenceRecord(db: Database, intent: 'draft' | 'submit', visibility = 'INTERNAL') {
  const author = await signedInUser(db.prisma, 'EDITOR');
  const created = await operations.createEvidence.run(
    { user: author.user, requestId: null, prisma: db.prisma },
    { ...EVIDENCE, intent, visibility },
  );
  if (!created.ok) throw new Error(`could not create evidence: ${JSON.stringify(created)}`);
  const { version } = await db.prisma.evidence.findUniqueOrThrow({ where: { id: created.value.id } });
  return { id: created.value.id, version };
}

/**
 * A record of the caller's own (deleting a draft and withdrawing a submission are its author's): written as an
 * editor whose id is the caller's, so that it exists whatever the caller's role.
 */
async function ownRecord(db: Database, self: { id: number }, intent: 'draft' | 'submit') {
  const editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
  const created = await operations.createEvidence.run(
    { user: { ...editor, id: self.id }, requestId: null, prisma: db.prisma },
    { ...EVIDENCE, intent },
  );
  if (!created.ok) throw new Error(`could not create evidence: ${JSON.stringify(created)}`);
  const { version } = await db.prisma.evidence.findUniqueOrThrow({ where: { id: created.value.id } });
  return { id: created.value.id, version };
}

/** A verified record marked public, written by another editor and verified by another reviewer. */
async function publicRecord(db: Database) {
  const { id, version } = await evidenceRecord(db, 'submit', 'PUBLIC');
  const reviewer = await signedInUser(db.prisma, 'REVIEWER');
  const verified = await operations.reviewEvidence.run(
    { user: reviewer.user, requestId: null, prisma: db.prisma },
    { id, version, decision: 'verify' },
  );
  if (!verified.ok) throw new Error(`could not verify evidence: ${JSON.stringify(verified)}`);
  return { id, version: version + 1 };
}

/** A ratification of one pair at the version its row has now (0 before the first save creates it). */
async function ratificationInput(db: Database) {
  const row = await db.prisma.instrumentStatus.findFirst({
    where: { actor: { code: 'KEN' }, instrument: { code: 'bombings-1997' } },
  });
  return {
    actorCode: 'KEN',
    instrumentCode: 'bombings-1997',
    version: row?.version ?? 0,
    status: 'ACCESSION',
    consentedOn: '2001-11-16',
    sourceUrl: 'https://treaties.un.org/',
  };
}

const TABLE: Record<OperationName, Case> = {
  createUser: {
    allowed: ['ADMIN'],
    input: async () => ({
      email: `new-${Math.random().toString(36).slice(2)}@test.example`,
      name: 'New',
      role: 'EDITOR',
      countryCodes: 'KEN',
    }),
  },
  updateUser: {
    allowed: ['ADMIN'],
    input: async (db) => ({ ...(await targetUser(db)), name: 'Renamed', role: 'REVIEWER', countryCodes: '' }),
  },
  setUserDisabled: { allowed: ['ADMIN'], input: async (db) => ({ ...(await targetUser(db)), disabled: 'true' }) },
  resetUserPassword: { allowed: ['ADMIN'], input: async (db) => targetUser(db) },
  changeOwnPassword: {
    allowed: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'],
    input: async () => ({
      currentPassword: TEST_PASSWORD,
      newPassword: 'another fine passphrase',
      confirmPassword: 'another fine passphrase',
    }),
  },
  setPublicView: { allowed: ['ADMIN'], input: async () => ({ enabled: 'true' }) },
  updateRatification: { allowed: ['EDITOR', 'REVIEWER', 'ADMIN'], input: async (db) => ratificationInput(db) },
  createEvidence: { allowed: ['EDITOR', 'REVIEWER', 'ADMIN'], input: async () => EVIDENCE },
  updateEvidence: {
    allowed: ['EDITOR', 'REVIEWER', 'ADMIN'],
    input: async (db) => ({ ...(await evidenceRecord(db, 'draft')), ...EVIDENCE, status: 'PARTIALLY_IMPLEMENTED' }),
  },
  submitEvidence: { allowed: ['EDITOR', 'REVIEWER', 'ADMIN'], input: async (db) => evidenceRecord(db, 'draft') },
  updateCommitment: {
    allowed: ['ADMIN'],
    input: async (db) => {
      const { version } = await db.prisma.commitment.findUniqueOrThrow({ where: { code: 'P21-information-exchange' } });
      return {
        code: 'P21-information-exchange',
        version,
        titleEn: 'Exchange information on terrorism, timely and accurately',
        titleZh: '及时准确地交流反恐信息',
        summaryEn: 'Edited summary.',
        summaryZh: '修改后的摘要。',
        guidanceEn: 'Edited guidance.',
        guidanceZh: '修改后的指导。',
        theme: 'cooperation',
        strength: 'CALL',
      };
    },
  },
  createApiToken: {
    allowed: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'],
    input: async () => ({ name: 'Script', scope: 'READ', expiresInDays: '30' }),
  },
  revokeApiToken: {
    allowed: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'],
    // The caller's own token (everyone may revoke their own; only admins anyone's).
    input: async (db, self) => {
      const token = await db.prisma.apiToken.create({
        data: {
          userId: self.id,
          createdById: self.id,
          name: 'Old script',
          scope: 'READ',
          prefix: `ct_${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
          secretHash: '0'.repeat(64),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { id: token.id };
    },
  },
  importEvidence: {
    allowed: ['EDITOR', 'REVIEWER', 'ADMIN'],
    input: async () => ({
      csv:
        'id,version,state,actor_code,commitment_code,observed_on,status,score,summary_zh,summary_en,visibility,tags,' +
        'source_1_type,source_1_url,source_1_reference,source_1_title,source_1_published_on\r\n' +
        ',,,KEN,P08-financing,2024-03-01,IN_PROGRESS,,,Bill tabled.,INTERNAL,,NATIONAL_LEGISLATION,' +
        'https://example.org/bill,,,\r\n',
      intent: 'submit',
    }),
  },
  deleteEvidence: { allowed: ['EDITOR', 'REVIEWER', 'ADMIN'], input: async (db, self) => ownRecord(db, self, 'draft') },
  withdrawEvidence: {
    allowed: ['EDITOR', 'REVIEWER', 'ADMIN'],
    input: async (db, self) => ownRecord(db, self, 'submit'),
  },
  unpublishEvidence: {
    allowed: ['EDITOR', 'REVIEWER', 'ADMIN'],
    input: async (db) => publicRecord(db),
  },
  reviewEvidence: {
    allowed: ['REVIEWER', 'ADMIN'],
    input: async (db) => ({ ...(await evidenceRecord(db, 'submit')), decision: 'verify' }),
  },
  confirmTotpEnrolment: {
    allowed: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'],
    input: async (_db, self) => {
      const secret = newTotpSecret();
      const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: 'SHA-1' });
      return { offer: sealEnrolmentOffer(self.id, secret), code: otp };
    },
  },
  regenerateRecoveryCodes: {
    allowed: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'],
    input: async (db, self) => {
      await enrolTestTotp(db.prisma, self.id);
      return {};
    },
  },
  // Admins and reviewers must keep a second factor: they may only re-enrol.
  disableOwnSecondFactor: {
    allowed: ['VIEWER', 'EDITOR'],
    input: async (db, self) => {
      await enrolTestTotp(db.prisma, self.id);
      return {};
    },
  },
  resetUserSecondFactor: {
    allowed: ['ADMIN'],
    input: async (db) => {
      const { id } = await signedInUser(db.prisma, 'VIEWER', { secondFactor: 'done' });
      return { id };
    },
  },
  revokeOwnSession: {
    allowed: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'],
    input: async (db, self) => {
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id: self.id } });
      return { session: sessionHandle(await db.prisma.$transaction((tx) => createSession(tx, row))) };
    },
  },
  revokeOtherSessions: { allowed: ['VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN'], input: async () => ({}) },
};

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
});
afterAll(async () => dispose?.());

describe('the permission table', () => {
  it('has a row for every operation, and every server action runs one', async () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(operations).sort());
    // Every exported function of every 'use server' module under lib/actions is the action of one operation.
    const actionFiles = readdirSync('lib/actions').filter((file) =>
      readFileSync(`lib/actions/${file}`, 'utf8').startsWith("'use server'"),
    );
    const actionNames = (
      await Promise.all(
        actionFiles.map(async (file) =>
          Object.keys((await import(`@/lib/actions/${file.replace(/\.ts$/, '')}`)) as object),
        ),
      )
    ).flat();
    expect(actionNames.sort()).toEqual(
      Object.keys(operations)
        .map((name) => `${name}Action`)
        .sort(),
    );
  });

  const cases = Object.entries(TABLE).flatMap(([name, entry]) =>
    CALLERS.map((caller) => ({ name: name as OperationName, caller, entry })),
  );

  it.each(cases)('$name as $caller', async ({ name, caller, entry }) => {
    const role: Role = caller === 'anonymous' || caller === 'disabled' || caller === 'pending' ? 'ADMIN' : caller;
    const self = await signedInUser(db.prisma, role, {
      disabled: caller === 'disabled',
      mustChangePassword: caller === 'pending',
    });
    const user = caller === 'anonymous' ? null : self.user;
    if (caller === 'disabled') expect(user).toBeNull();
    const input = await entry.input(db, self);
    const before = await fingerprint(db);

    const outcome = await operations[name].run({ user, requestId: `test-${name}-${caller}`, prisma: db.prisma }, input);

    if (caller === 'anonymous' || caller === 'disabled') {
      expect(outcome).toMatchObject({ ok: false, status: 401 });
    } else if (caller === 'pending') {
      if (WHILE_PENDING.includes(name)) {
        expect(outcome).toMatchObject({ ok: true });
        return;
      }
      expect(outcome).toMatchObject({ ok: false, status: 403, code: 'password_change_required' });
    } else if (entry.allowed.includes(caller)) {
      expect(outcome).toMatchObject({ ok: true });
      return;
    } else {
      expect(outcome).toMatchObject({ ok: false, status: 403 });
    }
    expect(await fingerprint(db)).toBe(before);
  });
});
