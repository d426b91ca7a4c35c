import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations('errors');
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFound')}</p>
      <p>
        <Link href={`/${locale}`}>{t('home')}</Link>
      </p>
    </>
  );
}
