import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { fileContentHash } from '../../core/content-hash';
import { localesDir } from '../../core/paths';
import { readTranslationMemory, type TranslationMemory } from '../../core/translation-memory-file';
import { toGlobalId } from '../../graphql/global-id';
import { experienceLeagueUrl } from './experience-league-url';
import { experienceLeague } from './experience-league.plugin';
import { relateTranslations, translationOf } from './help-sources';
import type { HelpArticle, HelpBlock, HelpCallout, HelpStep } from './help.types';
import { repairMojibake } from './mojibake';
import { blocksOf, inlineText, type Block } from './token-tree';

// Raw HTML in a source is shown as text, never passed through; links are validated by markdown-it.
const markdown = new MarkdownIt({ html: false, linkify: false }).use(experienceLeague);

/**
 * gray-matter picks the parser from the opening line, and `---js` would run the block through eval:
 * front matter here is YAML (or JSON) only. Passing options also keeps gray-matter from caching every
 * source it sees (loadHelpArticles caches the parsed articles).
 */
const FRONTMATTER = {
  engines: {
    javascript: (): never => {
      throw new Error('help article front matter must be YAML, not JavaScript');
    },
  },
};

/**
 * Parses an Experience League article (YAML frontmatter + Markdown with its extensions). With two
 * arguments its topic is the heading's anchor (else a slug of its title); with three, the given topic
 * (loadHelpArticles passes the file's topic, so every language of a topic shares one). Its `id` is
 * one per (topic, locale), so client caches keep the languages apart.
 */
export function parseHelpArticle(source: string, locale: string): HelpArticle;
export function parseHelpArticle(topic: string, locale: string, source: string): HelpArticle;
export function parseHelpArticle(first: string, locale: string, third?: string): HelpArticle {
  const source = third ?? first;
  const { frontmatter, body } = splitFrontmatter(repairMojibake(source));
  const blocks = blocksOf(markdown.parse(body, {}));
  const heading = blocks.find((block) => block.type === 'heading');
  const list = blocks.find((block) => block.type === 'ordered_list');
  const listIndex = list ? blocks.indexOf(list) : blocks.length;
  const intro = blocks.slice(0, listIndex).filter((block) => block.type === 'paragraph');
  const introCallouts = blocks
    .slice(0, listIndex)
    .filter((block) => block.callout)
    .map((block) => calloutOf(block, 'intro'));
  const introBlocks = blocks.slice(0, listIndex).flatMap((block): HelpBlock[] => {
    if (block.callout) return [{ type: 'callout', ...calloutOf(block, 'intro') }];
    return block.type === 'paragraph' ? [{ type: 'paragraph', text: inlineText([block]).text }] : [];
  });
  const steps = (list?.children ?? []).map((item, i) => stepOf(item, i + 1));
  const all = [...blocks];
  const text = inlineText(all);
  const anchor: string | null = heading?.attrs.id ?? null;
  const title = String(frontmatter.title ?? '');
  const topic = third === undefined ? (anchor ?? slugOf(title)) : first;
  return {
    id: helpArticleGlobalId(topic, locale),
    topic,
    locale,
    exlId: String(frontmatter['exl-id'] ?? ''),
    title,
    description: String(frontmatter.description ?? ''),
    feature: frontmatter.feature ? String(frontmatter.feature) : null,
    contentHash: fileContentHash(source),
    translation: translationOf(frontmatter, String(frontmatter['exl-id'] ?? '')),
    hidden: frontmatter.hide === true || frontmatter.hidefromtoc === true,
    anchor,
    intro: intro.map((block) => inlineText([block]).text),
    introBlocks,
    steps,
    callouts: [...introCallouts, ...steps.flatMap((step) => step.notes)],
    closing: blocks
      .slice(listIndex + 1)
      .filter((block) => block.type === 'paragraph')
      .map((block) => inlineText([block]).text),
    links: text.links.map((link) => ({ ...link, url: experienceLeagueUrl(link.href, locale) })),
    dnlNames: text.dnlNames,
    uiLabels: text.uiLabels,
    markdown: cleanMarkdown(body),
    html: markdown.render(body, { locale }),
  };
}

// The bold label a paragraph opens with to mark an optional part of a step, in the articles' languages.
const OPTIONAL_LABEL = /^(optional|optional step|valfritt|valfritt steg|étape (facultative|optionnelle)|facultatif|optionnel)$/iu;

function stepOf(item: Block, number: number): HelpStep {
  const paragraphs = item.children.filter((block) => block.type === 'paragraph' && !inlineText([block]).imageOnly);
  const optional = paragraphs.find((block) => OPTIONAL_LABEL.test(inlineText([block]).leadingBold ?? ''));
  const optionalText = optional ? inlineText([optional]) : null;
  const text = inlineText([item]);
  return {
    number,
    text: paragraphs[0] ? inlineText([paragraphs[0]]).text : '',
    details: paragraphs.slice(1).map((block) => inlineText([block]).text),
    optional: Boolean(optional),
    optionalLabel: optionalText?.leadingBold ?? null,
    optionalText: optionalText ? optionalText.text.replace(optionalText.leadingBold!, '').replace(/^\s*:\s*/, '') : null,
    notes: item.children.filter((block) => block.callout).map((block) => calloutOf(block, `step ${number}`)),
    screenshots: text.images,
    uiLabels: text.uiLabels,
  };
}

function calloutOf(block: Block, position: string): HelpCallout {
  return { kind: block.callout!, text: inlineText(block.children).text, position };
}

/** The YAML front matter, and the Markdown after it without the blank lines that follow `---`. */
function splitFrontmatter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const { data, content } = matter(source, FRONTMATTER);
  return { frontmatter: data, body: content.replace(/^\n+/, '') };
}

/** "Octroi de l’accès" → "octroi-de-l-acces". */
function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** The source without frontmatter, `[!DNL X]` and `[!UICONTROL X]` reduced to X. */
function cleanMarkdown(body: string): string {
  return body.replace(/\[!(?:DNL|UICONTROL) ([^\]\n]+)\]/g, '$1');
}

/** An article's local id: `<topic>.<locale>`, as its file is named (neither part has a dot). */
export const helpArticleLocalId = (article: { topic: string; locale: string }): string => `${article.topic}.${article.locale}`;

/** Computed once per article when it is parsed: the same value the Node interface's `id` gives. */
function helpArticleGlobalId(topic: string, locale: string): string {
  return toGlobalId('HelpArticle', helpArticleLocalId({ topic, locale }));
}

/** The articles with these local ids (`<topic>.<locale>`), in order; null for an unknown one. */
export function helpArticlesByLocalIds(localIds: readonly string[]): (HelpArticle | null)[] {
  const byLocalId = new Map(loadHelpArticles().map((article) => [helpArticleLocalId(article), article]));
  return localIds.map((localId) => byLocalId.get(localId) ?? null);
}

let cache: HelpArticle[] | undefined;

/**
 * Every article under <locales>/help/ (`<topic>.<locale>.md`), parsed once (they change only on deploy),
 * each translation related to its topic's English article and its language's translation memory
 * (<locales>/translation-memory/<lng>.json, help-sources.ts).
 */
export function loadHelpArticles(locales: string = localesDir): HelpArticle[] {
  if (locales === localesDir && cache) return cache;
  const dir = join(locales, 'help');
  const articles = readdirSync(dir)
    .filter((file) => /^[\w-]+\.[a-z]{2,3}(-[A-Z]{2})?\.md$/.test(file))
    .map((file) => {
      const [, topic, locale] = /^([\w-]+)\.([\w-]+)\.md$/.exec(file)!;
      return parseHelpArticle(topic, locale, readFileSync(join(dir, file), 'utf8'));
    });
  // Read once per language, not once per article.
  const memories = new Map<string, TranslationMemory>();
  const memoryOf = (language: string): TranslationMemory => {
    if (!memories.has(language)) memories.set(language, readTranslationMemory(locales, language));
    return memories.get(language)!;
  };
  const related = relateTranslations(articles, memoryOf);
  if (locales === localesDir) cache = related;
  return related;
}
