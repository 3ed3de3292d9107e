/** Where the documentation repository publishes its articles (Adobe's documented scheme). */
const EXPERIENCE_LEAGUE = 'https://experienceleague.adobe.com/docs/';

// /help/<product>/<path>.md[#anchor]: a path of Adobe's documentation repository (for Marketo, marketo.en).
const REPOSITORY_PATH = /^\/help\/([\w-]+)\/((?:[\w-]+\/)*[\w-]+)\.md(#[\w-]+)?$/;

/**
 * The web address a link of an article leads to: a repository path as its Experience League page
 * (/help/marketo/product-docs/x/y.md#z → https://experienceleague.adobe.com/docs/marketo/using/product-docs/x/y.html?lang=sv#z),
 * in the article's language; an http(s) address as is; null for anything else (it is then shown as text).
 */
export function experienceLeagueUrl(href: string, locale: string): string | null {
  const path = REPOSITORY_PATH.exec(href);
  if (path) {
    const [, product, page, anchor = ''] = path;
    return `${EXPERIENCE_LEAGUE}${product}/using/${page}.html?lang=${encodeURIComponent(locale)}${anchor}`;
  }
  return isWebAddress(href) ? href : null;
}

function isWebAddress(href: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    return false; // not an absolute address
  }
}
