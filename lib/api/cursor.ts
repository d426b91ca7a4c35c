import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';

/** Pagination of lists: `?limit=` (1–500, default 100) and an opaque `?cursor=` from the last page. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .meta({ description: `Page size, at most ${MAX_PAGE_SIZE}.` }),
  cursor: z.string().max(500).optional().meta({ description: 'The `nextCursor` of the previous page.' }),
});

/** A keyset position: the sort key values of the last row of the previous page. */
export function encodeCursor(position: (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.output<T> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API gave out; start again without it.');
}
