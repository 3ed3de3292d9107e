import { helpMemoryKey, type MemoryEntry, type TranslationMemory } from '../../core/translation-memory-file';
import { HelpTranslationRelation } from './help-translation-relation';
import type { HelpArticle, HelpArticleSummary, HelpTranslation } from './help.types';

/** The language of the originals: every translation is made from an English article. */
const SOURCE_LOCALE = 'en';

/** The translation metadata the front matter alone gives; `relateTranslations` completes it. */
export function translationOf(frontmatter: Record<string, unknown>, exlId: string): HelpTranslation | null {
  if (!frontmatter['source-git-commit']) return null;
  const workflowType = String(frontmatter['workflow-type'] ?? '');
  const htDegree = frontmatter['ht-degree'] ? String(frontmatter['ht-degree']) : null;
  const humanTranslatedPercent = htDegree === null ? null : percentOf(htDegree);
  return {
    sourceGitCommit: String(frontmatter['source-git-commit']),
    workflowType,
    sourceWordcount: frontmatter['source-wordcount'] ? Number(frontmatter['source-wordcount']) : null,
    htDegree,
    humanTranslatedPercent,
    // Adobe's workflow names end in "mt" when a machine translated; ht-degree says how much a human redid.
    machineTranslated: /(^|\+)mt$/.test(workflowType) && !humanTranslatedPercent,
    sourceExlId: exlId,
    source: null,
    relation: HelpTranslationRelation.TRANSLATION,
    variantProduct: null,
    olderRevision: false,
    outdated: true,
    recordedSourceHash: null,
  };
}

function percentOf(htDegree: string): number | null {
  const match = /^(\d{1,3})\s*%?$/.exec(htDegree.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Completes each translation of the articles against its topic's English article: a translation of the
 * same article (same exl-id) or a variant (its own exl-id), which product a variant is about, and whether
 * it is outdated (see `isCurrent`, or a variant of an older revision).
 */
export function relateTranslations(articles: HelpArticle[], memoryOf: (language: string) => TranslationMemory): HelpArticle[] {
  return articles.map((article) => {
    if (!article.translation) return article;
    const english = articles.find((other) => other.topic === article.topic && other.locale === SOURCE_LOCALE) ?? null;
    const entry = memoryOf(article.locale)[helpMemoryKey(article.topic)];
    const source = articles.find((other) => other.locale === SOURCE_LOCALE && other.exlId === article.translation!.sourceExlId) ?? null;
    return { ...article, translation: related(article, english, source, entry) };
  });
}

function related(article: HelpArticle, english: HelpArticle | null, source: HelpArticle | null, entry: MemoryEntry | undefined): HelpTranslation {
  const translation = article.translation!;
  const sameSource = english !== null && english.exlId === translation.sourceExlId;
  const olderRevision = english !== null && entry?.olderRevisionOf === english.exlId;
  return {
    ...translation,
    source: source && summaryOf(source),
    relation: sameSource ? HelpTranslationRelation.TRANSLATION : HelpTranslationRelation.VARIANT,
    variantProduct: !sameSource && article.feature && article.feature !== english?.feature ? article.feature : null,
    olderRevision,
    recordedSourceHash: entry?.source ?? null,
    outdated: olderRevision || !isCurrent(entry, english),
  };
}

/**
 * The rule of `npm run i18n:check`: current while the memory records today's English hash, or a
 * translator reviewed today's English and kept the translation (a decision); no record, or a record of
 * an older English, is outdated.
 */
function isCurrent(entry: MemoryEntry | undefined, english: HelpArticle | null): boolean {
  if (!entry || !english) return false;
  return entry.source === english.contentHash || entry.decision?.reviewed === english.contentHash;
}

export const summaryOf = ({ id, topic, locale, exlId, title, description }: HelpArticleSummary): HelpArticleSummary => ({
  id,
  topic,
  locale,
  exlId,
  title,
  description,
});
