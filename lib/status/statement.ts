import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/status/sql';

/** The statement a ratification count is measured against: its symbol and date. */
export interface StatementDate {
  id: number;
  symbol: string;
  adoptedOn: Date;
}

/** The document of a commitment, or (without one) the first document tracked. */
export async function statementDate(prisma: Db, commitmentCode?: string): Promise<StatementDate | null> {
  const [row] = await prisma.$queryRaw<StatementDate[]>`
    SELECT d.id, d.symbol, d."adoptedOn"
    FROM "Document" d
    ${
      commitmentCode
        ? Prisma.sql`JOIN "Commitment" c ON c."documentId" = d.id WHERE c.code = ${commitmentCode}`
        : Prisma.empty
    }
    ORDER BY d."adoptedOn", d.id
    LIMIT 1`;
  return row ?? null;
}
