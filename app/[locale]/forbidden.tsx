import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <>
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbidden')}</p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </>
  );
}
