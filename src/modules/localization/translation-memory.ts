import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from 'i18next';
import { contentHash, fileContentHash } from '../../core/content-hash';
import { DEFAULT_LOCALE } from '../../core/language';
import { helpMemoryKey, type MemoryEntry, type TranslationMemory, translationMemoryPath } from '../../core/translation-memory-file';
import { flatten } from './catalog-check';
import { failure, type Finding, warning } from './finding';
import type { HelpSource } from './help-sources';
import { PLURAL_KEY } from './plural-keys';

// The file format is shared with the help module, which reads the `help:<topic>` entries: core/translation-memory-file.ts.
export type { MemoryEntry, TranslationMemory, TranslatorDecision } from '../../core/translation-memory-file';

/** The strings of each key family: one for a plain key, each plural form's (sorted) for a plural family. */
function familyTexts(content: unknown): Map<string, string[]> {
  const families = new Map<string, [string, string][]>();
  for (const [key, text] of flatten(content)) {
    const plural = PLURAL_KEY.exec(key);
    const name = plural ? plural[1] : key;
    families.set(name, [...(families.get(name) ?? []), [plural?.[2] ?? '', text]]);
  }
  return new Map([...families].map(([name, forms]) => [name, forms.sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text)]));
}

/** Hashes a family: the text itself for a plain key, its forms joined by a line feed for a plural one. */
function familyHash(texts: string[]): string {
  return contentHash(texts.join('\n'));
}

/** Today's hash of every English source: each catalog key family and each English help article. */
export function englishHashes(resources: Resource, help: Map<string, Map<string, HelpSource>>): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [ns, content] of Object.entries(resources[DEFAULT_LOCALE] ?? {})) {
    for (const [key, texts] of familyTexts(content)) hashes.set(`${ns}:${key}`, familyHash(texts));
  }
  for (const [topic, byLanguage] of help) {
    const english = byLanguage.get(DEFAULT_LOCALE);
    if (english) hashes.set(helpMemoryKey(topic), fileContentHash(english.text));
  }
  return hashes;
}

/** The keys a language has translated (non-empty), and its help topics, named as the memory names them. */
export function translatedKeys(resources: Resource, help: Map<string, Map<string, HelpSource>>, language: string): Set<string> {
  const keys = new Set<string>();
  for (const [ns, content] of Object.entries(resources[language] ?? {})) {
    for (const [key, texts] of familyTexts(content)) if (texts.some((text) => text.trim() !== '')) keys.add(`${ns}:${key}`);
  }
  for (const [topic, byLanguage] of help) if (byLanguage.has(language)) keys.add(helpMemoryKey(topic));
  return keys;
}

/**
 * Freshness of one language: a translation whose recorded English hash is not today's is stale, a
 * warning when a translator reviewed today's English and recorded a decision, a failure otherwise; a
 * translation with no record fails too (nobody can tell what it was made from); a record of a key
 * English no longer has is a warning.
 */
export function freshnessFindings(language: string, hashes: Map<string, string>, translated: Set<string>, memory: TranslationMemory): Finding[] {
  const findings: Finding[] = [];
  for (const key of translated) {
    const today = hashes.get(key);
    const entry = memory[key];
    if (today === undefined) continue;
    if (!entry) {
      findings.push(
        failure(
          language,
          'untracked',
          key,
          `${language}: "${key}" has no translation-memory record; once translated: npm run i18n:tm -- --record ${language} ${key}`,
        ),
      );
    } else if (entry.source !== today) {
      findings.push(staleFinding(language, key, today, entry));
    }
  }
  for (const key of Object.keys(memory)) {
    if (!hashes.has(key))
      findings.push(
        warning(
          language,
          'orphan',
          key,
          `${language}: the translation memory records "${key}", which English no longer has (npm run i18n:tm -- --prune ${language})`,
        ),
      );
  }
  return findings;
}

function staleFinding(language: string, key: string, today: string, entry: MemoryEntry): Finding {
  const what = entry.variant ? 'the variant was compared with' : 'it was translated from';
  const changed = `${language}: "${key}" is stale: English changed since ${what} (${entry.source} → ${today})`;
  const { decision } = entry;
  if (decision && decision.reviewed === today) {
    return warning(language, 'stale', key, `${changed}; kept by ${decision.by} on ${decision.at}: ${decision.note}`);
  }
  return failure(language, 'stale', key, `${changed}; update the translation, then npm run i18n:tm -- --record ${language} ${key} (or --keep with a note)`);
}

function memoryFile(localesDir: string, language: string): string {
  return join(localesDir, translationMemoryPath(language));
}

/** Written with sorted keys, so a recorded change is a one-line diff. */
export function saveTranslationMemory(localesDir: string, language: string, memory: TranslationMemory): void {
  const sorted = Object.fromEntries(
    Object.keys(memory)
      .sort()
      .map((key) => [key, memory[key]]),
  );
  mkdirSync(join(localesDir, 'translation-memory'), { recursive: true });
  writeFileSync(memoryFile(localesDir, language), `${JSON.stringify(sorted, null, 2)}\n`);
}
