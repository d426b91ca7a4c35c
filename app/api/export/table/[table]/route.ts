import { ApiError, errorResponse } from '@/lib/api/errors';
import { exportPrisma, exportReader } from '@/lib/data/transfer';
import { csvResponse, iterate } from '@/lib/transfer/http';
import { buildTableCsv } from '@/lib/transfer/tables';
import { wantsBom } from '@/lib/validation/transfer';

type Context = { params: Promise<{ table: string }> };

/**
 * GET /api/export/table/<table>?locale=en|zh&…the page's filters…&bom=1 — the CSV of one table of the site, as the
 * page shows it, in the reader's language (lib/transfer/tables.ts lists the tables). Readers as for every CSV
 * download (lib/data/transfer.ts: session or API token; anonymous only with the public view on); the users table
 * to admins only. 404 for an unknown table or country.
 */
export async function GET(request: Request, context: Context) {
  const reader = await exportReader(request);
  if (!reader.ok) return reader.response;
  const { table } = await context.params;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const built = await buildTableCsv(table, {
    prisma: await exportPrisma(),
    locale: params.locale,
    params,
    user: reader.user,
  });
  if (!built.ok) {
    if (built.reason === 'forbidden') {
      return errorResponse(
        reader.user
          ? new ApiError(403, 'forbidden', 'Your role may not download this table.')
          : new ApiError(401, 'unauthenticated', 'Sign in first.'),
      );
    }
    return errorResponse(new ApiError(404, 'not_found', 'No such table.'));
  }
  return csvResponse(built.name, built.table.header, iterate(built.table.rows), wantsBom(params));
}
