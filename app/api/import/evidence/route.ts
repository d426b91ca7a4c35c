import { ApiError, errorResponse } from '@/lib/api/errors';
import { getCurrentUser } from '@/lib/auth/session';
import { requestPrisma } from '@/lib/data/request-db';
import { BodyTooLargeError, readFormLimited } from '@/lib/http/body';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { importLimits } from '@/lib/operations/transfer';
import { roleCan } from '@/lib/permissions';
import { checkImportLimits, ImportLimitError, planEvidenceImport } from '@/lib/transfer/evidence-import';
import { pruneImports, saveImport } from '@/lib/transfer/import-store';
import { IMPORT_INTENTS, type ImportIntent } from '@/lib/validation/transfer';
import { isStorableText } from '@/lib/validation/primitives';

/** The preview lists at most this many bad rows (and says how many there are). */
const PROBLEMS_SHOWN = 1000;
/** The preview lists at most this many duplicate rows (and says how many there are). */
const DUPLICATES_SHOWN = 1000;
/** Room for the multipart envelope around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

function limitError(error: ImportLimitError) {
  const code = error.code === 'importTooLarge' ? 'import_too_large' : 'import_too_many_rows';
  return errorResponse(
    new ApiError(413, code, error.message, undefined, undefined, { details: { limit: error.limit } }),
  );
}

/**
 * POST /api/import/evidence (multipart, field "file", optional "intent") — the preview (dry run) of an evidence
 * import: keeps the file on the server under a token and answers with the counts of records to create, update and
 * leave unchanged, every bad row (checked for that intent), and every new row that duplicates a record
 * (`{ line, recordId }`) or an earlier row of the file (`{ line, ofLine }`). Nothing is written to the database;
 * the import page applies the token afterwards. The size limit is checked from Content-Length before the body is
 * read and counted while it streams (a chunked body is cut off at the limit), the row limit by a scan before
 * parsing.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers)) {
    return errorResponse(new ApiError(403, 'cross_site', 'The request did not come from this site and was refused.'));
  }
  const user = await getCurrentUser();
  if (!user) return errorResponse(new ApiError(401, 'unauthenticated', 'Sign in first.'));
  if (user.mustChangePassword || !roleCan(user.role, 'write:evidence')) {
    return errorResponse(new ApiError(403, 'forbidden', 'Your role may not import evidence.'));
  }
  const limits = importLimits();
  // Counted while it streams (a chunked body has no Content-Length to check first) and cut off past the limit.
  let form: FormData;
  try {
    form = await readFormLimited(request, limits.maxBytes + MULTIPART_OVERHEAD);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return limitError(new ImportLimitError('importTooLarge', limits.maxBytes / 1024 / 1024));
    }
    return errorResponse(
      new ApiError(400, 'import_no_file', 'Send the CSV file as multipart/form-data in the field "file".'),
    );
  }
  const file = form.get('file');
  const intent: ImportIntent = IMPORT_INTENTS.find((candidate) => candidate === form.get('intent')) ?? 'draft';
  if (!(file instanceof File) || file.size === 0) {
    return errorResponse(
      new ApiError(400, 'import_no_file', 'Send the CSV file as multipart/form-data in the field "file".'),
    );
  }
  if (!isStorableText(file.name)) {
    return errorResponse(
      new ApiError(400, 'import_file_name', 'Rename the file: its name holds characters that cannot be stored.'),
    );
  }
  if (file.size > limits.maxBytes) {
    return limitError(new ImportLimitError('importTooLarge', limits.maxBytes / 1024 / 1024));
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    checkImportLimits(bytes, limits);
  } catch (error) {
    if (error instanceof ImportLimitError) return limitError(error);
    throw error;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return errorResponse(new ApiError(400, 'import_not_utf8', 'The file is not UTF-8 text.'));
  }
  await pruneImports();
  const stored = await saveImport(bytes, { userId: user.id, fileName: file.name || 'import.csv' });
  const plan = await planEvidenceImport(await requestPrisma(), user, text, { intent });
  return Response.json(
    {
      token: stored.token,
      fileName: stored.fileName,
      rows: plan.rows,
      creates: plan.creates.length,
      duplicates: plan.duplicates
        .slice(0, DUPLICATES_SHOWN)
        .map(({ line, duplicateOf }) =>
          'recordId' in duplicateOf ? { line, recordId: duplicateOf.recordId } : { line, ofLine: duplicateOf.line },
        ),
      duplicatesTotal: plan.duplicates.length,
      updates: plan.updates.length,
      unchanged: plan.unchanged,
      problems: plan.problems.slice(0, PROBLEMS_SHOWN),
      problemsTotal: plan.problems.length,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
