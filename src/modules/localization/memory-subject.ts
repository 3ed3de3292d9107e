import type { Resource } from 'i18next';
import { DEFAULT_LOCALE } from '../../core/language';
import type { HelpSource } from './help-sources';
import type { MemorySubject } from './memory-edits';
import { englishHashes, translatedKeys } from './translation-memory';

/** A help article with its own exl-id is a variant of the topic (another article), not a translation of the English one. */
function variants(help: Map<string, Map<string, HelpSource>>, language: string): Set<string> {
  const keys = new Set<string>();
  for (const [topic, byLanguage] of help) {
    const own = byLanguage.get(language);
    const english = byLanguage.get(DEFAULT_LOCALE);
    if (own && english && own.exlId !== english.exlId) keys.add(`help:${topic}`);
  }
  return keys;
}

/** What the translation memory of `language` is recorded against today. */
export function memorySubject(resources: Resource, help: Map<string, Map<string, HelpSource>>, language: string): MemorySubject {
  return { hashes: englishHashes(resources, help), translated: translatedKeys(resources, help, language), variants: variants(help, language) };
}
