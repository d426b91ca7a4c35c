import { apiRoute, json, parseQuery } from '@/lib/api/route';
import { readAudience } from '@/lib/permissions';
import { commitmentTitles } from '@/lib/queries/commitments';
import { statusMatrix } from '@/lib/status/matrix';
import { MatrixQuery } from '@/lib/validation/api';

/**
 * GET /api/v1/status-matrix — the current status of every member state on every commitment addressed to
 * member states. Anonymous callers (public view on) see only evidence marked public, exactly as on the site.
 */
export const GET = apiRoute('public-read', async ({ prisma, url, caller }) => {
  const filter = parseQuery(url, MatrixQuery);
  const audience = readAudience(caller.user);
  const matrix = await statusMatrix(prisma, filter, 'name', 'en', audience);
  const titles = await commitmentTitles(prisma);
  return json({
    data: {
      columns: matrix.columns.map((column) => ({
        code: column.code,
        shortCode: column.shortCode,
        themeCode: column.themeCode,
        title: titles.get(column.code) as Record<string, string>,
      })),
      rows: matrix.rows.map((row) => ({
        code: row.code,
        name: { zh: row.nameZh, en: row.nameEn },
        regionalGroup: row.regionalGroup,
        cells: row.cells,
      })),
      counts: matrix.counts,
      audience: audience.publicOnly ? 'public' : 'internal',
    },
  });
});
