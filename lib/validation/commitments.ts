import { z } from 'zod';
import { Id } from '@/lib/validation/primitives';
import { commitmentCode, themeCode } from '@/lib/validation/codes';
import { STRENGTHS } from '@/lib/vocabulary';

/** An admin's edit of a commitment's wording about it (never its quote, which must stay verbatim). */
const Text = (max: number, required: string) => z.string().trim().min(1, required).max(max, 'tooLong');

export const UpdateCommitmentInput = z.object({
  code: commitmentCode('unknownCommitment'),
  version: Id,
  titleEn: Text(200, 'titleRequired'),
  titleZh: Text(100, 'titleRequired'),
  summaryEn: Text(2000, 'summaryRequired'),
  summaryZh: Text(2000, 'summaryRequired'),
  guidanceEn: Text(2000, 'guidanceRequired'),
  guidanceZh: Text(2000, 'guidanceRequired'),
  theme: themeCode('themeRequired'),
  strength: z.enum(STRENGTHS, { message: 'strengthRequired' }),
});
