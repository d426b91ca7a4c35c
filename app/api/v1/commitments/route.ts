import { commitmentView } from '@/lib/api/reference';
import { apiRoute, json, parseQuery } from '@/lib/api/route';
import { findCommitments } from '@/lib/queries/commitments';
import { CommitmentQuery } from '@/lib/validation/api';

/** GET /api/v1/commitments — the commitments, filtered by theme, addressee and strength. */
export const GET = apiRoute('public-read', async ({ prisma, url }) =>
  json({ data: (await findCommitments(prisma, parseQuery(url, CommitmentQuery))).map(commitmentView) }),
);
