import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError, defineOperation } from '@/lib/operations/define';
import { claimVersion } from '@/lib/operations/version-claim';
import { UpdateCommitmentInput } from '@/lib/validation/commitments';
import { bumpRollupVersion } from '@/lib/evidence/rollups';

function view(row: Prisma.CommitmentGetPayload<{ include: { theme: { select: { code: true } } } }>) {
  return {
    code: row.code,
    title: row.title,
    summary: row.summary,
    guidance: row.guidance,
    theme: row.theme.code,
    strength: row.strength,
    version: row.version,
  };
}

/**
 * Admins correct how a commitment is described and classified. The version goes up, so the seed of a later
 * release leaves the edit alone (lib/seed), and a stale edit is refused.
 */
export const updateCommitment = defineOperation({
  name: 'updateCommitment',
  permission: 'manage:commitments',
  input: UpdateCommitmentInput,
  async execute({ tx, audit }, input) {
    const include = { theme: { select: { code: true } } } as const;
    const current = await tx.commitment.findUnique({ where: { code: input.code }, include });
    if (!current) throw new DomainError(404, 'not_found', 'commitmentNotFound');
    const theme = await tx.theme.findUnique({ where: { code: input.theme }, select: { id: true } });
    if (!theme) throw new DomainError(400, 'invalid', 'fieldsInvalid', { theme: ['themeRequired'] });
    await claimVersion(tx, 'commitment', { code: input.code }, input.version, {
      title: { ...(current.title as object), en: input.titleEn, zh: input.titleZh },
      summary: { ...(current.summary as object), en: input.summaryEn, zh: input.summaryZh },
      guidance: { ...(current.guidance as object), en: input.guidanceEn, zh: input.guidanceZh },
      themeId: theme.id,
      strength: input.strength,
    });
    // The dashboard labels its cached figures with commitment titles and themes.
    await bumpRollupVersion(tx);
    const after = view(await tx.commitment.findUniqueOrThrow({ where: { code: input.code }, include }));
    await audit({
      action: 'commitment.update',
      entityType: 'Commitment',
      entityId: current.id,
      before: view(current),
      after,
    });
    return after;
  },
});
