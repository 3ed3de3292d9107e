import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorMessages } from '../../../lib/graphqlErrors';
import { usePageLanguage } from '../../../lib/usePageLanguage';
import { useHelpArticle } from '../api/useHelpArticle';
import { prepareArticleHtml } from '../utils/prepareArticleHtml';

/** The help article "Grant Marketo Access to Users" in the page's language. */
export function HelpPanel() {
  const { t } = useTranslation();
  const { article, error } = useHelpArticle(usePageLanguage());
  const screenshotLabel = t('help.screenshot');
  const html = useMemo(() => (article ? prepareArticleHtml(article.html, screenshotLabel) : ''), [article, screenshotLabel]);

  return (
    // The panel scrolls on its own (sticky beside the list): focusable, so that the keyboard can scroll it too.
    <aside className="help" aria-labelledby="help-title" tabIndex={0}>
      <h2 id="help-title">{t('help.title')}</h2>
      <ErrorNotice messages={errorMessages(error, t)} />
      {article && <article className="help-article" lang={article.locale} dangerouslySetInnerHTML={{ __html: html }} />}
    </aside>
  );
}
