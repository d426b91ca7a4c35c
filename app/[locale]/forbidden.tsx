import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const locale = await getLocale();
  const t = await getTranslations('errors');
  return (
    <>
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbidden')}</p>
      <p>
        <Link href={`/${locale}`}>{t('home')}</Link>
      </p>
    </>
  );
}
