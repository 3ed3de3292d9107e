import DOMPurify from 'dompurify';

/** Allowed by DOMPurify's HTML profile, but no part of an article: a form control in the panel would only be in the way. */
const FORBIDDEN_TAGS = ['style', 'form', 'input', 'button', 'select', 'textarea'];

/** The article's headings, moved below the panel's own h2. */
const SHIFTED_HEADINGS: Record<string, string> = { H1: 'h3', H2: 'h4', H3: 'h5', H4: 'h6' };

/** The panel's own words inside the article, in the page's language. */
export interface ArticleLabels {
  /** The line that stands for a screenshot: of a step (its number), or of the introduction (null). */
  screenshot(step: number | null): string;
  /** The title of a callout of this kind (CAUTION, NOTE, …). */
  callout(kind: string): string;
}

/**
 * The help article's HTML as the panel shows it. The server renders the article with raw HTML off (and
 * its links to other articles as their Experience League pages); on top of that DOMPurify keeps only
 * inert HTML (no scripts, event handlers, javascript: URLs, styles, form controls, SVG or MathML). The
 * panel then moves the headings below its own, titles each callout with its kind in words, shows each
 * screenshot (not shipped) as one line that says which step it belongs to, opens web links in a new tab
 * and shows any other link (not a page here) as its text.
 */
export function prepareArticleHtml(html: string, labels: ArticleLabels): string {
  // The fragment belongs to DOMPurify's inert document, where the screenshots are never fetched.
  const article = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: FORBIDDEN_TAGS, RETURN_DOM_FRAGMENT: true });
  shiftHeadings(article);
  titleCallouts(article, labels);
  replaceScreenshots(article, labels);
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

/** Each callout (role=note) gets a title naming its kind, which also names the note for assistive technology. */
function titleCallouts(article: DocumentFragment, labels: ArticleLabels): void {
  article.querySelectorAll('.callout[data-kind]').forEach((callout, index) => {
    const title = callout.ownerDocument.createElement('p');
    title.className = 'callout-title';
    title.id = `help-callout-${index + 1}`;
    title.textContent = labels.callout(callout.getAttribute('data-kind') ?? '');
    callout.prepend(title);
    callout.setAttribute('role', 'note');
    callout.setAttribute('aria-labelledby', title.id);
  });
}

/** Screenshots are not shipped: each becomes one muted line naming the step it shows. */
function replaceScreenshots(article: DocumentFragment, labels: ArticleLabels): void {
  for (const image of article.querySelectorAll('img')) {
    const line = image.ownerDocument.createElement('span');
    line.className = 'help-screenshot';
    line.textContent = labels.screenshot(stepOf(image));
    image.replaceWith(line);
  }
}

/** The number of the step (an item of the article's top-level list) an element stands in; null outside the steps. */
function stepOf(element: Element): number | null {
  for (let item = element.closest('li'); item; item = item.parentElement?.closest('li') ?? null) {
    const list = item.parentElement;
    if (list?.tagName === 'OL' && !list.parentElement) return [...list.children].indexOf(item) + Number(list.getAttribute('start') ?? 1);
  }
  return null;
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
