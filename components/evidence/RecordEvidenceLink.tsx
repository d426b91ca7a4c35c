import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/current-user';
import { inCountryScope } from '@/lib/evidence/rules';
import { Link } from '@/lib/i18n/navigation';
import { can } from '@/lib/permissions';

/**
 * "Record evidence" from where the reader is (a country row, a matrix cell's drill-down, a commitment or country
 * page): opens the evidence form with the country and/or commitment filled in. Shown only to a user who may record
 * evidence — and, when a country is given, for that country (an editor's country scope).
 */
export async function RecordEvidenceLink({
  user,
  actor,
  commitment,
  context,
  className = 'button button--quiet',
}: {
  user: CurrentUser | null;
  actor?: string;
  commitment?: string;
  /** What the link is about, for its accessible name when many are on one page ("Kenya × P08-financing"). */
  context?: string;
  className?: string;
}) {
  if (!user || !can(user, 'write:evidence') || (actor && !inCountryScope(user, actor))) return null;
  const t = await getTranslations('find');
  const query = { ...(actor ? { actor } : {}), ...(commitment ? { commitment } : {}) };
  return (
    <Link
      className={className}
      href={{ pathname: '/evidence/new', query }}
      aria-label={context ? t('recordFor', { what: context }) : undefined}
      prefetch={false}
    >
      {t('record')}
    </Link>
  );
}
