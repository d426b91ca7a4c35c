import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { EnrolForm } from '@/components/account/TwoFactorForms';
import { requireUser } from '@/lib/auth/guard';
import { formatManualKey, newTotpSecret, sealEnrolmentOffer, totpUri } from '@/lib/auth/totp';
import type { Locale } from '@/lib/i18n/config';
import { getPathname } from '@/lib/i18n/navigation';
import { roleRequiresSecondFactor } from '@/lib/permissions';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'twoFactor' });
  return { title: t('enrolTitle') };
}

/**
 * Enrolment (and re-enrolment) of the authenticator app: a new key as a QR code (an SVG made here, no outside
 * service) and as text, confirmed by a first code. Nothing changes until that code is accepted.
 */
export default async function TwoFactorEnrolPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const user = await requireUser({ allowSecondFactorStep: 'enrol' });
  const t = await getTranslations('twoFactor');
  const secret = newTotpSecret();
  const svg = await QRCode.toString(totpUri(secret, user.email), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const required = user.pendingSecondFactor === 'enrol';
  return (
    <div className="narrow stack">
      <h1>{t('enrolTitle')}</h1>
      {required && (
        <p className="notice" role="status">
          {t('enrolRequired')}
        </p>
      )}
      {!required && roleRequiresSecondFactor(user.role) && <p className="muted">{t('reenrolNote')}</p>}
      <ol className="stack">
        <li>{t('enrolStepApp')}</li>
        <li>
          {t('enrolStepScan')}
          <div>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
            <img
              src={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`}
              alt={t('qrAlt')}
              width={200}
              height={200}
            />
          </div>
          <p>
            {t('manualKey')} <code data-testid="manual-key">{formatManualKey(secret)}</code>
          </p>
        </li>
        <li>{t('enrolStepCode')}</li>
      </ol>
      <EnrolForm
        offer={sealEnrolmentOffer(user.id, secret)}
        continueHref={getPathname({ href: '/account/security', locale })}
      />
    </div>
  );
}
