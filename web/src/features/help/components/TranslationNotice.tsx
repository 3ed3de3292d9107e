import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What the server says about a translated article (HelpTranslation). */
export interface TranslationFacts {
  machineTranslated: boolean;
  variantProduct?: string | null;
  outdated: boolean;
}

/**
 * The sentence that tells a reader what they are reading, one whole sentence per case (never built from
 * parts, so each language words it its own way); null when the translation is a current human one.
 */
export function translationNoticeText(facts: TranslationFacts, t: TFunction): string | null {
  const product = facts.variantProduct ?? null;
  if (facts.machineTranslated) {
    if (product) return facts.outdated ? t('help.notice.machineOlderProduct', { product }) : t('help.notice.machineProduct', { product });
    return facts.outdated ? t('help.notice.machineOlder') : t('help.notice.machine');
  }
  if (product) return facts.outdated ? t('help.notice.olderProduct', { product }) : t('help.notice.product', { product });
  return facts.outdated ? t('help.notice.older') : null;
}

/** Above a translated article: what it is, and a button that shows the English article in the panel instead. */
export function TranslationNotice({ facts, onShowOriginal }: { facts: TranslationFacts; onShowOriginal: () => void }) {
  const { t } = useTranslation();
  const text = translationNoticeText(facts, t);
  if (!text) return null;
  return (
    <div className="help-notice" role="note">
      <p>{text}</p>
      <button type="button" className="link-button" onClick={onShowOriginal}>
        {t('help.notice.showOriginal')}
      </button>
    </div>
  );
}

/** Above the English article shown in place of the translation: the way back. */
export function OriginalNotice({ onShowTranslation }: { onShowTranslation: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="help-notice" role="note">
      <p>{t('help.notice.original')}</p>
      <button type="button" className="link-button" onClick={onShowTranslation}>
        {t('help.notice.showTranslation')}
      </button>
    </div>
  );
}
