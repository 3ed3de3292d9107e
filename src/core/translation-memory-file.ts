import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The format of `locales/translation-memory/{lng}.json`, the one record of what each translation was
 * made from (README, Localization pipeline). The localization module writes it (`npm run i18n:tm`) and
 * checks it (`npm run i18n:check`); the help module reads its `help:<topic>` entries to tell whether a
 * served translation is outdated. The two modules may not import each other: this file is their contract.
 */

/** A translator's word that a translation stays right although its English source changed. */
export interface TranslatorDecision {
  note: string;
  by: string;
  /** ISO date of the decision. */
  at: string;
  /** The English hash the translator reviewed: a later change of English makes the entry stale again. */
  reviewed: string;
}

/** What one translation was made from: the English content hash (core/content-hash.ts), and for an article whether it is a variant. */
export interface MemoryEntry {
  /** contentHash of the English source (a key family's text, or the whole English article file) the translation was made from or compared with. */
  source: string;
  /** A help article that is another article on the topic (its own exl-id), not a translation of the English one. */
  variant?: true;
  /** A variant whose source is an earlier article that the English article with this exl-id replaced: outdated however recent its record. */
  olderRevisionOf?: string;
  /** What the reviewer compared, for the next reviewer. */
  note?: string;
  decision?: TranslatorDecision;
}

/** `ns:key` (a plural family once) or `help:<topic>` → entry. */
export type TranslationMemory = Record<string, MemoryEntry>;

/** The file of one language, relative to the locales directory. */
export const translationMemoryPath = (language: string): string => `translation-memory/${language}.json`;

/** A language's memory as stored; empty when the file is missing (every translation is then untracked). */
export function readTranslationMemory(localesDir: string, language: string): TranslationMemory {
  const file = join(localesDir, translationMemoryPath(language));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TranslationMemory) : {};
}

/** The memory key of a help topic. */
export const helpMemoryKey = (topic: string): string => `help:${topic}`;
