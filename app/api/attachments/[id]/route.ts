import {
  decideAttachmentAccess,
  attachmentHeaders,
  needsPublicViewSetting,
  parseAttachmentId,
} from '@/lib/attachments/access';
import { authorizeDownload } from '@/lib/api/auth';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { readAttachment } from '@/lib/attachments/store';
import { getPrisma } from '@/lib/db';
import { findAttachmentForDownload } from '@/lib/queries/attachments';
import { isPublicViewEnabled } from '@/lib/settings';

/**
 * GET /api/attachments/[id] — the file of one evidence attachment, as a download, to those who may read its
 * revision (lib/attachments/access.ts), after checking it against its recorded SHA-256. The caller is identified
 * as by the API (lib/api/auth.ts: bearer token, else session cookie), so the attachment URLs the API returns
 * work with the same token.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const prisma = await getPrisma();
  const caller = await authorizeDownload(prisma, request, 'public-read');
  if (!caller.ok) return caller.response;
  const { user } = caller;
  const id = parseAttachmentId((await params).id);
  if (id === null) return errorResponse(new ApiError(404, 'not_found', 'There is no such attachment.'));

  const attachment = await findAttachmentForDownload(prisma, id);
  if (!attachment) return errorResponse(new ApiError(404, 'not_found', 'There is no such attachment.'));

  const publicView = needsPublicViewSetting(user) ? await isPublicViewEnabled(prisma) : false;
  const access = decideAttachmentAccess(user, publicView, attachment.revision);
  if (!access.allowed) return errorResponse(new ApiError(access.status, access.code, access.message));

  const file = await readAttachment(attachment.storagePath, attachment.sha256);
  if (!file.ok && file.problem === 'missing') {
    console.error(`Attachment ${id}: the stored file is missing.`);
    return errorResponse(
      new ApiError(404, 'attachment_missing', 'The file of this attachment is missing from the server.'),
    );
  }
  if (!file.ok) {
    console.error(`Attachment ${id}: the stored file does not match its SHA-256 checksum.`);
    return errorResponse(
      new ApiError(422, 'attachment_corrupt', 'The file of this attachment is damaged and cannot be served.'),
    );
  }
  const body = file.bytes;
  return new Response(body, {
    headers: attachmentHeaders({ ...attachment, size: body.length }),
  });
}
