import type { MemoryEntry, TranslationMemory } from '../../core/translation-memory-file';

/** What a translator records about one language: today's English hashes, its keys, and which articles are variants. */
export interface MemorySubject {
  hashes: Map<string, string>;
  translated: Set<string>;
  variants: Set<string>;
}

/**
 * The entry recorded for today's English: what the reviewer wrote about the article (`olderRevisionOf`,
 * `note`) stays, a decision does not (it was about an older English).
 */
function entryFor(subject: MemorySubject, key: string, source: string, previous?: MemoryEntry): MemoryEntry {
  const { olderRevisionOf, note } = previous ?? {};
  return {
    source,
    ...(subject.variants.has(key) && { variant: true as const }),
    ...(olderRevisionOf !== undefined && { olderRevisionOf }),
    ...(note !== undefined && { note }),
  };
}

function todaysHash(subject: MemorySubject, key: string): string {
  const hash = subject.hashes.get(key);
  if (hash === undefined) throw new Error(`English has no "${key}" (write it as ns:key, e.g. ui:actions.connect, or help:<topic>)`);
  if (!subject.translated.has(key)) throw new Error(`"${key}" has no translation in this language yet`);
  return hash;
}

/** The translator updated (or checked) these translations against today's English: record its hash, drop any decision, keep the notes. */
export function recordKeys(memory: TranslationMemory, subject: MemorySubject, keys: string[]): TranslationMemory {
  const next = { ...memory };
  for (const key of keys) next[key] = entryFor(subject, key, todaysHash(subject, key), memory[key]);
  return next;
}

/** Records every translated key that has no record yet (new keys), leaving stale records alone. */
export function recordNewKeys(memory: TranslationMemory, subject: MemorySubject): { memory: TranslationMemory; added: string[] } {
  const added = [...subject.translated].filter((key) => subject.hashes.has(key) && !memory[key]).sort();
  return { memory: recordKeys(memory, subject, added), added };
}

/** The translator reviewed today's English and keeps the translation: the record stays (its hash and notes), with the decision. */
export function keepKeys(
  memory: TranslationMemory,
  subject: MemorySubject,
  keys: string[],
  decision: { note: string; by: string; at: string },
): TranslationMemory {
  const next = { ...memory };
  for (const key of keys) {
    const reviewed = todaysHash(subject, key);
    const entry = next[key] ?? entryFor(subject, key, reviewed);
    next[key] = { ...entry, decision: { ...decision, reviewed } };
  }
  return next;
}

/** Drops records of keys English no longer has. */
export function pruneKeys(memory: TranslationMemory, subject: MemorySubject): { memory: TranslationMemory; removed: string[] } {
  const removed = Object.keys(memory).filter((key) => !subject.hashes.has(key));
  return { memory: Object.fromEntries(Object.entries(memory).filter(([key]) => subject.hashes.has(key))), removed };
}
