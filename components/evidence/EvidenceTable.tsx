import { getFormatter, getTranslations } from 'next-intl/server';
import { Tag } from '@/components/Tag';
import type { EvidenceListItem } from '@/lib/data/evidence';
import { TableScroll } from '@/components/TableScroll';
import { Link } from '@/lib/i18n/navigation';

/**
 * Evidence records as a table: who, on what, in which state, since when. `notes` (record id → text) adds a line
 * under a record, such as why the reader may not review it.
 */
export async function EvidenceTable({
  items,
  caption,
  notes = {},
}: {
  items: EvidenceListItem[];
  caption: string;
  notes?: Record<number, string>;
}) {
  const [t, statuses, format] = await Promise.all([
    getTranslations('evidence'),
    getTranslations('status'),
    getFormatter(),
  ]);
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('record')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('observedOn')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('author')}</th>
            <th scope="col">{t('updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={`/evidence/${item.id}`}>
                  {item.actor.name} · {item.commitment.title}
                </Link>
                <br />
                <span className="muted">
                  {item.actor.code} · {item.commitment.code}
                </span>
                {item.state === 'RETURNED' && item.reviewComment && (
                  <p className="review-comment">{item.reviewComment}</p>
                )}
                {notes[item.id] && (
                  <p className="record-note">
                    <Tag variant="not-reviewable">{t('notYours')}</Tag> {notes[item.id]}
                  </p>
                )}
              </td>
              <td>{item.status ? statuses(`implementation.${item.status}`) : '–'}</td>
              <td>{item.observedOn ? format.dateTime(item.observedOn, 'day') : '–'}</td>
              <td>
                <Tag variant={`state-${item.state}`}>{t(`states.${item.state}`)}</Tag>
              </td>
              <td>{item.author}</td>
              <td>{format.relativeTime(item.submittedAt ?? item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
