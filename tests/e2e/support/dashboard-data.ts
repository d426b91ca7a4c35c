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

/**
 * Iceland's instruments (it has no verified evidence): joined in 1970, 1973, 2010 and 2020, the last one adopted
 * after the statement, so the instruments chart steps in years the tests can place on its axis.
 */
export const DASHBOARD_RATIFICATIONS: { actor: string; instrument: string; consentedOn: string }[] = [
  { actor: 'ISL', instrument: 'tokyo-1963', consentedOn: '1970-03-16' },
  { actor: 'ISL', instrument: 'hague-1970', consentedOn: '1973-06-29' },
  { actor: 'ISL', instrument: 'financing-1999', consentedOn: '2010-06-15' },
  { actor: 'ISL', instrument: 'montreal-protocol-2014', consentedOn: '2020-08-01' },
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
  for (const entry of DASHBOARD_RATIFICATIONS) {
    const actor = await db.prisma.actor.findUniqueOrThrow({ where: { code: entry.actor } });
    const instrument = await db.prisma.instrument.findUniqueOrThrow({ where: { code: entry.instrument } });
    const consentedOn = new Date(`${entry.consentedOn}T00:00:00Z`);
    await db.prisma.instrumentStatus.create({
      data: {
        actorId: actor.id,
        instrumentId: instrument.id,
        status: 'RATIFICATION',
        consentedOn,
        updatedById: authorId,
        revisions: { create: { number: 1, status: 'RATIFICATION', consentedOn, changedById: authorId } },
      },
    });
  }
}
