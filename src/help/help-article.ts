import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { localesDir } from '../common/paths';
import { experienceLeague } from './experience-league.plugin';
import type { HelpArticle, HelpCallout, HelpStep } from './help-article.types';
import { repairMojibake } from './mojibake';
import { blocksOf, inlineText, type Block } from './token-tree';

export const HELP_DIR = join(localesDir, 'help');

// Raw HTML in a source is shown as text, never passed through; links are validated by markdown-it.
const markdown = new MarkdownIt({ html: false, linkify: false }).use(experienceLeague);

/** Parses an Experience League article (YAML frontmatter + Markdown with its extensions). */
export function parseHelpArticle(id: string, locale: string, source: string): HelpArticle {
  const { frontmatter, body } = splitFrontmatter(repairMojibake(source));
  const blocks = blocksOf(markdown.parse(body, {}));
  const heading = blocks.find((block) => block.type === 'heading');
  const list = blocks.find((block) => block.type === 'ordered_list');
  const listIndex = list ? blocks.indexOf(list) : blocks.length;
  const intro = blocks.slice(0, listIndex).filter((block) => block.type === 'paragraph');
  const introCallouts = blocks.slice(0, listIndex).filter((block) => block.callout).map((block) => calloutOf(block, 'intro'));
  const steps = (list?.children ?? []).map((item, i) => stepOf(item, i + 1));
  const all = [...blocks];
  const text = inlineText(all);
  return {
    id,
    locale,
    exlId: String(frontmatter['exl-id'] ?? ''),
    title: String(frontmatter.title ?? ''),
    description: String(frontmatter.description ?? ''),
    feature: frontmatter.feature ? String(frontmatter.feature) : null,
    translation: frontmatter['source-git-commit']
      ? {
          sourceGitCommit: String(frontmatter['source-git-commit']),
          workflowType: String(frontmatter['workflow-type'] ?? ''),
          sourceWordcount: frontmatter['source-wordcount'] ? Number(frontmatter['source-wordcount']) : null,
          htDegree: frontmatter['ht-degree'] ? String(frontmatter['ht-degree']) : null,
        }
      : null,
    hidden: frontmatter.hide === true || frontmatter.hidefromtoc === true,
    anchor: heading?.attrs.id ?? null,
    intro: intro.map((block) => inlineText([block]).text),
    steps,
    callouts: [...introCallouts, ...steps.flatMap((step) => step.notes)],
    closing: blocks.slice(listIndex + 1).filter((block) => block.type === 'paragraph').map((block) => inlineText([block]).text),
    links: text.links,
    dnlNames: text.dnlNames,
    uiLabels: text.uiLabels,
    markdown: cleanMarkdown(body),
    html: markdown.render(body),
  };
}

function stepOf(item: Block, number: number): HelpStep {
  const paragraphs = item.children.filter((block) => block.type === 'paragraph' && !inlineText([block]).imageOnly);
  const optional = paragraphs.find((block) => inlineText([block]).leadingBold);
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

function splitFrontmatter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const lines = source.split('\n');
  if (lines[0].trim() !== '---') return { frontmatter: {}, body: source };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  const frontmatter = (loadYaml(lines.slice(1, end).join('\n')) ?? {}) as Record<string, unknown>;
  return { frontmatter, body: lines.slice(end + 1).join('\n').replace(/^\n+/, '') };
}

/** The source without frontmatter, `[!DNL X]` and `[!UICONTROL X]` reduced to X. */
function cleanMarkdown(body: string): string {
  return body.replace(/\[!(?:DNL|UICONTROL) ([^\]\n]+)\]/g, '$1');
}

let cache: HelpArticle[] | undefined;

/** Every article under locales/help/ (`<topic>.<locale>.md`), parsed once: they change only on deploy. */
export function loadHelpArticles(dir: string = HELP_DIR): HelpArticle[] {
  if (dir === HELP_DIR && cache) return cache;
  const articles = readdirSync(dir)
    .filter((file) => /^[\w-]+\.[a-z]{2,3}(-[A-Z]{2})?\.md$/.test(file))
    .map((file) => {
      const [, id, locale] = /^([\w-]+)\.([\w-]+)\.md$/.exec(file)!;
      return parseHelpArticle(id, locale, readFileSync(join(dir, file), 'utf8'));
    });
  if (dir === HELP_DIR) cache = articles;
  return articles;
}
