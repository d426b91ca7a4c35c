import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link, redirect } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listDocuments } from '@/lib/data/documents';
import type { Locale } from '@/lib/i18n/config';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'statement' });
  return { title: t('documentsTitle') };
}

export default async function DocumentsPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const [t, format, documents] = await Promise.all([
    getTranslations('statement'),
    getFormatter(),
    listDocuments(locale),
  ]);
  // With a single tracked document, "Statement" in the navigation goes straight to its text.
  if (documents.length === 1) redirect({ href: `/documents/${documents[0]!.slug}`, locale });
  return (
    <>
      <h1>{t('documentsTitle')}</h1>
      {documents.map((document) => (
        <article className="card" key={document.slug}>
          <h2>
            <Link href={`/documents/${document.slug}`}>
              {document.symbol} — {document.title}
            </Link>
          </h2>
          <p>
            {document.agendaItem} · {format.dateTime(document.adoptedOn, 'longDay')}
          </p>
        </article>
      ))}
    </>
  );
}
