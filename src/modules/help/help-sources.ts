import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HelpTranslationRelation } from './help-translation-relation';
import type { HelpArticle, HelpArticleSummary, HelpTranslation } from './help.types';

/** The language of the originals: every translation is made from an English article. */
const SOURCE_LOCALE = 'en';

/**
 * What a person recorded about one translation of a topic, in `locales/help/<topic>.sources.json`
 * (keyed by locale). The articles' front matter says how a translation was made, not what it was
 * made from today: a translation is current only while its recorded hash is the English article's.
 */
export interface TranslationSourceRecord {
  /** The SHA-256 of the English article (its file, LF line endings) the translation was checked against. */
  sourceSha256?: string;
  /** The exl-id of the English article that replaced this translation's source (a variant of an older revision). */
  olderRevisionOf?: string;
  /** Why: what the reviewer compared, for the next reviewer. */
  note?: string;
}

export type TopicSources = Record<string, TranslationSourceRecord>;

/** The records of a topic; none when the file is missing (every translation is then outdated). */
export function readTopicSources(dir: string, topic: string): TopicSources {
  const file = join(dir, `${topic}.sources.json`);
  if (!existsSync(file)) return {};
  const { translations } = JSON.parse(readFileSync(file, 'utf8')) as { translations?: TopicSources };
  return translations ?? {};
}

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
    recordedSourceSha256: null,
  };
}

function percentOf(htDegree: string): number | null {
  const match = /^(\d{1,3})\s*%?$/.exec(htDegree.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Completes each translation of the articles against its topic's English article: a translation of the
 * same article (same exl-id) or a variant (its own exl-id), which product a variant is about, and whether
 * it is outdated (its recorded source hash is not the English article's, or it translates an older revision).
 */
export function relateTranslations(articles: HelpArticle[], sourcesOf: (topic: string) => TopicSources): HelpArticle[] {
  return articles.map((article) => {
    if (!article.translation) return article;
    const english = articles.find((other) => other.topic === article.topic && other.locale === SOURCE_LOCALE) ?? null;
    const record = sourcesOf(article.topic)[article.locale] ?? {};
    const source = articles.find((other) => other.locale === SOURCE_LOCALE && other.exlId === article.translation!.sourceExlId) ?? null;
    return { ...article, translation: related(article, english, source, record) };
  });
}

function related(article: HelpArticle, english: HelpArticle | null, source: HelpArticle | null, record: TranslationSourceRecord): HelpTranslation {
  const translation = article.translation!;
  const sameSource = english !== null && english.exlId === translation.sourceExlId;
  const olderRevision = english !== null && record.olderRevisionOf === english.exlId;
  const recordedSourceSha256 = record.sourceSha256 ?? null;
  return {
    ...translation,
    source: source && summaryOf(source),
    relation: sameSource ? HelpTranslationRelation.TRANSLATION : HelpTranslationRelation.VARIANT,
    variantProduct: !sameSource && article.feature && article.feature !== english?.feature ? article.feature : null,
    olderRevision,
    recordedSourceSha256,
    outdated: sameSource ? recordedSourceSha256 !== english.contentSha256 : olderRevision || recordedSourceSha256 !== source?.contentSha256,
  };
}

export const summaryOf = ({ id, topic, locale, exlId, title, description }: HelpArticleSummary): HelpArticleSummary => ({
  id,
  topic,
  locale,
  exlId,
  title,
  description,
});
