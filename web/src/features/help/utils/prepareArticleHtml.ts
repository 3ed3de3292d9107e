import DOMPurify from 'dompurify';

/** Allowed by DOMPurify's HTML profile, but no part of an article: a form control in the panel would only be in the way. */
const FORBIDDEN_TAGS = ['style', 'form', 'input', 'button', 'select', 'textarea'];

/** The article's headings, moved below the panel's own h2. */
const SHIFTED_HEADINGS: Record<string, string> = { H1: 'h3', H2: 'h4', H3: 'h5', H4: 'h6' };

/**
 * The help article's HTML as the panel shows it. The server renders the article with raw HTML off;
 * on top of that DOMPurify keeps only inert HTML (no scripts, event handlers, javascript: URLs, styles,
 * form controls, SVG or MathML). The panel then moves the headings below its own, shows screenshots (not
 * shipped) as placeholders and links to other help articles (paths of the documentation repository,
 * not pages here) as their text.
 */
export function prepareArticleHtml(html: string, screenshotLabel: string): string {
  // The fragment belongs to DOMPurify's inert document, where the screenshots are never fetched.
  const article = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: FORBIDDEN_TAGS, RETURN_DOM_FRAGMENT: true });
  shiftHeadings(article);
  replaceScreenshots(article, screenshotLabel);
  unlinkOtherArticles(article);
  return serialize(article);
}

function shiftHeadings(article: DocumentFragment): void {
  for (const heading of article.querySelectorAll(Object.keys(SHIFTED_HEADINGS).join(', '))) {
    const shifted = heading.ownerDocument.createElement(SHIFTED_HEADINGS[heading.tagName]);
    shifted.append(...heading.childNodes);
    heading.replaceWith(shifted);
  }
}

function replaceScreenshots(article: DocumentFragment, label: string): void {
  for (const image of article.querySelectorAll('img')) {
    const placeholder = image.ownerDocument.createElement('span');
    placeholder.className = 'screenshot-placeholder';
    placeholder.setAttribute('aria-hidden', 'true');
    placeholder.textContent = label;
    image.replaceWith(placeholder);
  }
}

/** Links to the web open in a new tab; any other link (a path of the documentation repository) becomes its text. */
function unlinkOtherArticles(article: DocumentFragment): void {
  for (const link of article.querySelectorAll('a[href]')) {
    if (isWebAddress(link.getAttribute('href') ?? '')) {
      link.setAttribute('rel', 'noopener noreferrer');
      link.setAttribute('target', '_blank');
    } else {
      link.replaceWith(...link.childNodes);
    }
  }
}

function isWebAddress(href: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    return false; // not an absolute address
  }
}

function serialize(fragment: DocumentFragment): string {
  const container = fragment.ownerDocument.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
