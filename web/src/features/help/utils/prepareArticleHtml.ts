const DROPPED_ELEMENTS = 'script, style, iframe, object, embed, link, meta, form';

/**
 * The server renders the article with raw HTML off; on top of that the page keeps only inert markup,
 * moves the headings below the panel's own, shows screenshots (not shipped) as placeholders and links
 * to other help articles (paths of the documentation repository, not pages here) as their text.
 */
export function prepareArticleHtml(html: string, screenshotLabel: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  root.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove());
  root.querySelectorAll('*').forEach((element) => {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) element.removeAttribute(attribute.name);
    }
  });
  root.querySelectorAll('h1, h2, h3, h4').forEach((heading) => {
    const level = Math.min(6, Number(heading.tagName[1]) + 2);
    const replacement = document.createElement(`h${level}`);
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  });
  root.querySelectorAll('img').forEach((image) => {
    const placeholder = document.createElement('span');
    placeholder.className = 'screenshot-placeholder';
    placeholder.setAttribute('aria-hidden', 'true');
    placeholder.textContent = screenshotLabel;
    image.replaceWith(placeholder);
  });
  root.querySelectorAll('a[href]').forEach((link) => {
    const href = link.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) {
      link.replaceWith(...Array.from(link.childNodes));
    } else {
      link.setAttribute('rel', 'noopener noreferrer');
      link.setAttribute('target', '_blank');
    }
  });
  return template.innerHTML;
}
