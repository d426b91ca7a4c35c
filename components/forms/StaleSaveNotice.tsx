'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { StaleSave } from '@/lib/operations/define';

/**
 * What a stale save found (lib/operations/version-claim.ts): who saved the row meanwhile (where recorded), when,
 * the version it is at now and, for an evidence record, its review state, so that nothing is overwritten
 * blindly. FormMessage shows it beside the message of every form whose answer carries a stale save.
 */
export function StaleSaveNotice({ staleSave }: { staleSave: StaleSave }) {
  const t = useTranslations('outcomes');
  const evidence = useTranslations('evidence');
  const format = useFormatter();
  // A first save that found no row to claim: the message says it all.
  if (!staleSave.changedAt) return null;
  const at = format.dateTime(new Date(staleSave.changedAt), { dateStyle: 'medium', timeStyle: 'medium' });
  const version = staleSave.current;
  let text: string;
  if (staleSave.entity === 'evidence') {
    const state = staleSave.state ?? '';
    text = evidence('conflict', {
      by: staleSave.changedBy ?? '?',
      at,
      // The state comes as its code ("SUBMITTED"); the reader gets its word.
      state: evidence.has(`states.${state}`) ? evidence(`states.${state}` as 'states.DRAFT') : state,
      version,
    });
  } else {
    text = staleSave.changedBy
      ? t('staleSaveBy', { by: staleSave.changedBy, at, version })
      : t('staleSave', { at, version });
  }
  return (
    <div className="notice" role="alert" data-stale-save={staleSave.entity}>
      <p>{text}</p>
    </div>
  );
}
