import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorMessages } from '../../../lib/graphqlErrors';
import { usePageLanguage } from '../../../lib/usePageLanguage';
import { useHelpArticle } from '../api/useHelpArticle';
import '../help.css';
import { prepareArticleHtml, type ArticleLabels } from '../utils/prepareArticleHtml';
import { OriginalNotice, TranslationNotice } from './TranslationNotice';

/** The language every help article is translated from. */
const ORIGINAL_LOCALE = 'en';

/**
 * The help article "Grant Marketo Access to Users" in the page's language, with a notice when that is a
 * machine translation, a variant for another product or outdated; the reader can switch to the English article.
 */
export function HelpPanel() {
  const { t } = useTranslation();
  const pageLanguage = usePageLanguage();
  const [originalFor, setOriginalFor] = useState<string | null>(null);
  // Remembered per page language: switching the language shows that language's article again.
  const showingOriginal = originalFor === pageLanguage;
  const { article, error } = useHelpArticle(showingOriginal ? ORIGINAL_LOCALE : pageLanguage);
  const labels = useArticleLabels();
  const html = useMemo(() => (article ? prepareArticleHtml(article.html, labels) : ''), [article, labels]);

  return (
    // The panel scrolls on its own (sticky beside the list): focusable, so that the keyboard can scroll it too.
    <aside className="help" aria-labelledby="help-title" tabIndex={0}>
      <h2 id="help-title">{t('help.title')}</h2>
      <ErrorNotice messages={errorMessages(error, t)} />
      {showingOriginal && <OriginalNotice onShowTranslation={() => setOriginalFor(null)} />}
      {!showingOriginal && article?.translation && <TranslationNotice facts={article.translation} onShowOriginal={() => setOriginalFor(pageLanguage)} />}
      {article && <article className="help-article" lang={article.locale} dangerouslySetInnerHTML={{ __html: html }} />}
    </aside>
  );
}

/** The panel's words inside the article (callout titles, screenshot lines), in the page's language. */
function useArticleLabels(): ArticleLabels {
  // t changes with the language (react-i18next gives a new one), and the labels with it.
  const { t } = useTranslation();
  return useMemo(
    () => ({
      screenshot: (step) => (step === null ? t('help.screenshot') : t('help.screenshotOfStep', { step })),
      callout: (kind) => (kind === 'CAUTION' ? t('help.callout.caution') : t('help.callout.note')),
    }),
    [t],
  );
}
