import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { AttachmentRevision } from '@/lib/attachments/access';

/** The Prisma reads of evidence attachments, as functions of a client (the download route). */

/** What a download needs: the file's name, type, checksum and place, and what decides who may read it. */
export interface AttachmentForDownload {
  fileName: string;
  contentType: string;
  sha256: string;
  storagePath: string;
  revision: AttachmentRevision;
}

/** The attachment with this id and its revision's access facts (lib/attachments/access.ts), or null. */
export async function findAttachmentForDownload(
  prisma: PrismaClient,
  id: number,
): Promise<AttachmentForDownload | null> {
  const attachment = await prisma.attachment.findUnique({
    where: { id },
    select: {
      fileName: true,
      contentType: true,
      sha256: true,
      storagePath: true,
      revision: {
        select: {
          state: true,
          visibility: true,
          // The record's newest verified revision decides whether the record is public (lib/evidence/public.ts).
          evidence: {
            select: {
              revisions: {
                where: { state: 'VERIFIED' },
                orderBy: { number: 'desc' },
                take: 1,
                select: { visibility: true },
              },
            },
          },
        },
      },
    },
  });
  if (!attachment) return null;
  const { state, visibility, evidence } = attachment.revision;
  return {
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sha256: attachment.sha256,
    storagePath: attachment.storagePath,
    revision: { state, visibility, recordPublic: evidence.revisions[0]?.visibility === 'PUBLIC' },
  };
}
