import type MarkdownIt from 'markdown-it';
import attributes from 'markdown-it-attrs';
import { experienceLeagueUrl } from './experience-league-url';

type StateCore = MarkdownIt.StateCore;
type Token = MarkdownIt.Token;

const MARKER = /\[!(DNL|UICONTROL) ([^\]\n]+)\]/;
const CALLOUT = /^\[!([A-Z]+)\]$/;
const CALLOUT_LINE = /^\s*\[!([A-Z]+)\][ \t]*\n/;

/**
 * markdown-it-attrs reads `{…}` at the end of any block or after an inline element, not only in headings;
 * only an `id` of word characters is kept, so a trailing `{width="600" modal="regular"}` or `{.class}`
 * is dropped and a `{word}` ending a paragraph is read as an attribute, not text.
 */
const ANCHORS = { allowedAttributes: ['id'], allowedAttributeValues: [/^[\w-]+$/] };

/**
 * Adobe Experience League's Markdown extensions, as markdown-it rules:
 * - `[!DNL Name]` → token `xl_dnl` (a name never translated), `[!UICONTROL Label]` → `xl_uicontrol`
 *   (found in text tokens only, so code spans keep them literally);
 * - a blockquote opening with `[!CAUTION]`/`[!NOTE]`/… → a callout (`meta.callout` on blockquote_open);
 * - `# Title {#anchor}` → the heading gets `id="anchor"` (markdown-it-attrs);
 * - a link to a path of the documentation repository → its Experience League page, in the language the
 *   render's env names (`{ locale }`); any other link keeps the href markdown-it validated.
 */
export function experienceLeague(md: MarkdownIt): void {
  md.core.ruler.after('text_join', 'xl_markers', markers);
  md.core.ruler.push('xl_callouts', callouts);
  md.use(attributes, ANCHORS);

  md.renderer.rules.xl_dnl = (tokens, i) => `<span class="dnl" translate="no">${md.utils.escapeHtml(tokens[i].content)}</span>`;
  md.renderer.rules.xl_uicontrol = (tokens, i) => `<span class="uicontrol">${md.utils.escapeHtml(tokens[i].content)}</span>`;
  md.renderer.rules.link_open = (tokens, i, options, env: { locale?: string }, self) => {
    const url = experienceLeagueUrl(tokens[i].attrGet('href') ?? '', env?.locale ?? 'en');
    if (url) tokens[i].attrSet('href', url);
    return self.renderToken(tokens, i, options);
  };
  md.renderer.rules.blockquote_open = (tokens, i, options, _env, self) => {
    const kind: string | undefined = tokens[i].meta?.callout;
    return kind ? `<div class="callout callout-${kind.toLowerCase()}" role="note" data-kind="${kind}">\n` : self.renderToken(tokens, i, options);
  };
  md.renderer.rules.blockquote_close = (tokens, i, options, _env, self) => (tokens[i].meta?.callout ? '</div>\n' : self.renderToken(tokens, i, options));
}

/**
 * Splits `[!DNL X]` and `[!UICONTROL X]` out of text tokens once inline parsing is done (as inline
 * rules they would read as nested links and break `[[!DNL X]](url)`). Hand-written: neither installed
 * markdown-it plugin knows these Experience League markers.
 */
function markers(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    block.children = block.children.flatMap((token) => (token.type === 'text' ? splitMarkers(state, token) : [token]));
  }
}

function splitMarkers(state: StateCore, token: Token): Token[] {
  const parts: Token[] = [];
  let rest = token.content;
  for (let match = MARKER.exec(rest); match; match = MARKER.exec(rest)) {
    if (match.index > 0) parts.push(textToken(state, rest.slice(0, match.index)));
    const marker = new state.Token(match[1] === 'DNL' ? 'xl_dnl' : 'xl_uicontrol', '', 0);
    marker.content = match[2];
    parts.push(marker);
    rest = rest.slice(match.index + match[0].length);
  }
  if (parts.length === 0) return [token];
  if (rest) parts.push(textToken(state, rest));
  return parts;
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

/**
 * Marks callout blockquotes and removes their `[!KIND]` paragraph. Hand-written, not
 * markdown-it-github-alerts: that package is ESM only, which this CommonJS build cannot import
 * under "module": "node16", and under "node20" Jest (on Node 20) cannot require; and its output
 * differs in ways no option changes: an empty `<p></p>` where Experience League puts its `>` line
 * after the marker, the rest of the marker line taken as a title, and the callout closed at the first
 * `blockquote_close`, so a quote nested in a callout ends with a mismatched `</div>`.
 */
function callouts(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].type !== 'blockquote_open') continue;
    const [open, inline, close] = tokens.slice(i + 1, i + 4);
    if (open?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    const whole = CALLOUT.exec(inline.content.trim());
    const kind = whole && close?.type === 'paragraph_close' ? whole[1] : leadingKind(inline);
    if (!kind) continue;
    tokens[i].meta = { ...tokens[i].meta, callout: kind };
    closingOf(tokens, i).meta = { callout: kind };
    if (whole) tokens.splice(i + 1, 3);
  }
}

/** `>[!NOTE]` directly followed by `>Text` (no empty `>` line): strips the marker line from the paragraph. */
function leadingKind(inline: Token): string | null {
  const match = CALLOUT_LINE.exec(inline.content);
  const [first, second] = inline.children ?? [];
  if (!match || first?.type !== 'text' || first.content.trim() !== `[!${match[1]}]` || second?.type !== 'softbreak') return null;
  inline.children!.splice(0, 2);
  inline.content = inline.content.slice(match[0].length);
  return match[1];
}

function closingOf(tokens: Token[], openIndex: number): Token {
  let depth = 0;
  for (let i = openIndex; i < tokens.length; i += 1) {
    depth += tokens[i].nesting;
    if (depth === 0) return tokens[i];
  }
  throw new Error('unbalanced blockquote');
}
