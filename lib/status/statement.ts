import type { Db } from '@/lib/status/sql';

/** The statement a ratification count is measured against: its symbol and date. */
export interface StatementDate {
  id: number;
  symbol: string;
  adoptedOn: Date;
}

/**
 * The document of the commitment coded `commitmentCode`, or (without one) the first document tracked, by adoption
 * date then id. Null when there is no such commitment or no document.
 */
export async function statementDate(prisma: Db, commitmentCode?: string): Promise<StatementDate | null> {
  return prisma.document.findFirst({
    where: commitmentCode ? { commitments: { some: { code: commitmentCode } } } : {},
    orderBy: [{ adoptedOn: 'asc' }, { id: 'asc' }],
    select: { id: true, symbol: true, adoptedOn: true },
  });
}
