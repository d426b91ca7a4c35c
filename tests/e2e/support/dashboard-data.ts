import type { Database } from '@/lib/db';
import { rebuildAllRollups } from '@/lib/evidence/rollups';
import { insertEvidenceRecord, type RevisionSpec } from '../../support/evidence-records';

/**
 * Verified evidence for the dashboard's browser tests, on five Nordic states that no other browser test touches,
 * so that the figures filtered to them are exact whatever else the suite records in parallel.
 */
export const DASHBOARD_EVIDENCE: { actor: string; commitment: string; revisions: RevisionSpec[] }[] = [
  {
    actor: 'NOR',
    commitment: 'P08-financing',
    revisions: [
      { observedOn: '2010-03-15', status: 'IN_PROGRESS', state: 'VERIFIED', visibility: 'PUBLIC' },
      { observedOn: '2016-06-01', status: 'FULLY_IMPLEMENTED', state: 'VERIFIED', visibility: 'PUBLIC' },
    ],
  },
  {
    actor: 'NOR',
    commitment: 'P12-conventions',
    revisions: [{ observedOn: '2012-09-01', status: 'PARTIALLY_IMPLEMENTED', state: 'VERIFIED' }],
  },
  {
    actor: 'SWE',
    commitment: 'P08-financing',
    revisions: [{ observedOn: '2014-02-01', status: 'NOT_STARTED', state: 'VERIFIED' }],
  },
  {
    actor: 'FIN',
    commitment: 'P08-financing',
    revisions: [{ observedOn: '2018-11-20', status: 'NOT_APPLICABLE', state: 'VERIFIED' }],
  },
  {
    actor: 'DNK',
    commitment: 'P12-conventions',
    revisions: [{ observedOn: '2020-05-05', status: 'FULLY_IMPLEMENTED', state: 'VERIFIED' }],
  },
  {
    actor: 'ISL',
    commitment: 'P08-financing',
    revisions: [{ observedOn: '2021-01-10', status: 'FULLY_IMPLEMENTED', state: 'RETURNED' }],
  },
];

export async function insertDashboardEvidence(db: Database, authorId: number, reviewerId: number): Promise<void> {
  for (const record of DASHBOARD_EVIDENCE) {
    const actor = await db.prisma.actor.findUniqueOrThrow({ where: { code: record.actor } });
    const commitment = await db.prisma.commitment.findUniqueOrThrow({ where: { code: record.commitment } });
    await insertEvidenceRecord(
      db,
      { actorId: actor.id, commitmentId: commitment.id, authorId, reviewerId },
      record.revisions,
    );
  }
  await db.prisma.$transaction((tx) => rebuildAllRollups(tx));
}
