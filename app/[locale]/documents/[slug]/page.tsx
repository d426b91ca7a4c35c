import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { StatementParagraph } from '@/components/StatementParagraph';
import { getDocument } from '@/lib/data/documents';
import type { Locale } from '@/lib/i18n/config';
import { isoDay } from '@/lib/dates';

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const document = await getDocument(slug, locale);
  return { title: document ? `${document.symbol} — ${document.title}` : undefined };
}

export default async function StatementPage({ params }: Props) {
  const { locale, slug } = await params;
  setPageLocale(locale);
  const [t, format, document] = await Promise.all([
    getTranslations('statement'),
    getFormatter(),
    getDocument(slug, locale),
  ]);
  if (!document) notFound();
  return (
    <article>
      <h1>
        {document.title} <span className="muted">{document.symbol}</span>
      </h1>
      <dl className="facts">
        <dt>{t('symbol')}</dt>
        <dd>{document.symbol}</dd>
        <dt>{t('date')}</dt>
        <dd>
          <time dateTime={isoDay(document.adoptedOn)}>{format.dateTime(document.adoptedOn, 'longDay')}</time>
        </dd>
        {document.meeting !== null && (
          <>
            <dt>{t('meeting')}</dt>
            <dd>{t('meetingNumber', { meeting: document.meeting, label: String(document.meeting) })}</dd>
          </>
        )}
        <dt>{t('agendaItem')}</dt>
        <dd>{document.agendaItem}</dd>
        <dt>{t('paragraphs')}</dt>
        <dd>{format.number(document.paragraphCount)}</dd>
      </dl>
      <p className="muted">{t('originalLanguage')}</p>

      <section className="statement" aria-label={document.symbol}>
        <p lang={document.language} className="muted">
          {document.heading}
        </p>
        <p lang={document.language} className="chapeau">
          {document.chapeau}
        </p>
        <ol>
          {document.paragraphs.map((paragraph) => (
            <StatementParagraph
              key={paragraph.number}
              number={paragraph.number}
              text={paragraph.text}
              language={document.language}
              commitments={paragraph.commitments}
              labels={{
                paragraph: t('paragraphLabel', { number: paragraph.number }),
                commitmentsInParagraph: t('commitmentsInParagraph'),
                commitmentLink: (code, title) => t('openCommitment', { code, title }),
              }}
            />
          ))}
        </ol>
      </section>
    </article>
  );
}
