import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError, defineOperation } from '@/lib/operations/define';
import { claimVersion, staleSaveError } from '@/lib/operations/version-claim';
import { UpdateRatificationInput } from '@/lib/validation/ratification';
import { isoDay, isoDayOrNull } from '@/lib/dates';

type Tx = Prisma.TransactionClient;

const toDate = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** What the audit log sees of an actor's status for an instrument. */
function statusView(
  row: {
    id: number;
    status: string;
    signedOn: Date | null;
    consentedOn: Date | null;
    note: string | null;
    sourceUrl: string | null;
    version: number;
  },
  actorCode: string,
  instrumentCode: string,
) {
  return {
    id: row.id,
    actorCode,
    instrumentCode,
    status: row.status,
    signedOn: isoDayOrNull(row.signedOn),
    consentedOn: isoDayOrNull(row.consentedOn),
    note: row.note,
    sourceUrl: row.sourceUrl,
    version: row.version,
  };
}

async function findTargets(tx: Tx, actorCode: string, instrumentCode: string) {
  const [actor, instrument] = await Promise.all([
    tx.actor.findUnique({ where: { code: actorCode }, select: { id: true, code: true, kind: true } }),
    tx.instrument.findUnique({ where: { code: instrumentCode }, select: { id: true, code: true, adoptedOn: true } }),
  ]);
  if (!actor || actor.kind !== 'MEMBER_STATE') throw new DomainError(404, 'not_found', 'countryNotFound');
  if (!instrument) throw new DomainError(404, 'not_found', 'instrumentNotFound');
  return { actor, instrument };
}

/**
 * Records an actor's status for one instrument: creates the row at version 1 when the form was read with none
 * (version 0), otherwise claims the next version of the row it read. Every save appends a revision numbered as
 * the row's new version, so the history is complete and its numbers have no gaps.
 */
export const updateRatification = defineOperation({
  name: 'updateRatification',
  permission: 'write:ratification',
  input: UpdateRatificationInput,
  async execute({ tx, user, audit }, input) {
    const { actor, instrument } = await findTargets(tx, input.actorCode, input.instrumentCode);
    // An editor limited to some countries may change only those; the scope is empty for everyone else.
    if (user.countryScope.length > 0 && !user.countryScope.includes(actor.code)) {
      throw new DomainError(409, 'out_of_scope', 'outOfScope');
    }
    const adopted = isoDay(instrument.adoptedOn);
    const fieldErrors: Record<string, string[]> = {};
    for (const field of ['signedOn', 'consentedOn'] as const) {
      const value = input[field];
      if (value && value < adopted) fieldErrors[field] = [`dateBeforeAdoption:${adopted}`];
    }
    if (Object.keys(fieldErrors).length > 0) throw new DomainError(400, 'invalid', 'fieldsInvalid', fieldErrors);

    const data = {
      status: input.status,
      signedOn: toDate(input.signedOn),
      consentedOn: toDate(input.consentedOn),
      note: input.note,
      sourceUrl: input.sourceUrl,
      updatedById: user.id,
    };
    const key = { actorId_instrumentId: { actorId: actor.id, instrumentId: instrument.id } };
    const existing = await tx.instrumentStatus.findUnique({ where: key });
    const before = existing ? statusView(existing, actor.code, instrument.code) : null;

    let id: number;
    if (input.version === 0) {
      if (existing) throw await staleSaveError(tx, 'ratification', { id: existing.id }, 0);
      // ON CONFLICT DO NOTHING: of two concurrent first saves of a pair, the second finds the first's row
      // (once that commits) and inserts nothing, so it reports a stale save instead of failing or overwriting.
      const [created] = await tx.instrumentStatus.createManyAndReturn({
        data: [{ actorId: actor.id, instrumentId: instrument.id, ...data, version: 1 }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!created) {
        const raced = await tx.instrumentStatus.findUnique({ where: key, select: { id: true } });
        throw await staleSaveError(tx, 'ratification', { id: raced?.id ?? 0 }, 0);
      }
      id = created.id;
    } else {
      if (!existing) throw await staleSaveError(tx, 'ratification', { id: 0 }, input.version);
      await claimVersion(tx, 'ratification', { id: existing.id }, input.version, data);
      id = existing.id;
    }

    const row = await tx.instrumentStatus.findUniqueOrThrow({ where: { id } });
    await tx.instrumentStatusRevision.create({
      data: {
        instrumentStatusId: id,
        number: row.version,
        status: row.status,
        signedOn: row.signedOn,
        consentedOn: row.consentedOn,
        note: row.note,
        sourceUrl: row.sourceUrl,
        changedById: user.id,
      },
    });
    const after = statusView(row, actor.code, instrument.code);
    await audit({ action: 'ratification.update', entityType: 'InstrumentStatus', entityId: id, before, after });
    return after;
  },
});
