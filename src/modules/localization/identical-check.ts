import { failure, type Finding } from './finding';
import { type Glossary, rendering } from './glossary';
import type { TextPair } from './glossary-check';
import { pluralFamilyOf } from './plural-keys';

/** E-mail addresses, URLs, codes and numbers read the same in every language. */
const LANGUAGE_NEUTRAL = [/^[\w.+-]+@[\w.-]+$/u, /^https?:\/\/\S+$/u, /^[A-Z0-9_.:-]+$/u];

/** Words a translation may keep as English: brand names and the terms whose form in this language is the English one. */
function sameInEnglish(glossary: Glossary, language: string): string[] {
  const words = [...glossary.brands.names];
  for (const term of glossary.terms) {
    const own = rendering(term, language);
    if (own?.identicalToEnglish) words.push(...own.forms);
  }
  return words.sort((a, b) => b.length - a.length);
}

/** What is left of a value once the words allowed to stay English, placeholders, digits and punctuation are removed. */
function leftToTranslate(text: string, allowed: string[]): string {
  let rest = text.replace(/\{\{[^}]*\}\}/g, ' ');
  for (const word of allowed) rest = rest.split(word).join(' ');
  return rest.replace(/[\p{P}\p{S}\p{N}\s]/gu, '');
}

/** Why a value equal to English is fine, or undefined when it looks untranslated. */
export function identicalAllowed(glossary: Glossary, language: string, { key, english }: TextPair): string | undefined {
  const allowances = glossary.identical[language] ?? {};
  const note = allowances[key] ?? allowances[pluralFamilyOf(key)];
  if (note) return note;
  if (LANGUAGE_NEUTRAL.some((pattern) => pattern.test(english.trim()))) return 'language-neutral';
  if (leftToTranslate(english, sameInEnglish(glossary, language)) === '') return 'brand names and glossary terms only';
  return undefined;
}

/** Translated values equal to English that the glossary does not allow. */
export function identicalFindings(glossary: Glossary, language: string, pairs: TextPair[]): Finding[] {
  return pairs
    .filter((pair) => pair.translation.trim() === pair.english.trim() && !pair.key.startsWith('help:'))
    .filter((pair) => identicalAllowed(glossary, language, pair) === undefined)
    .map((pair) =>
      failure(
        language,
        'identical',
        pluralFamilyOf(pair.key),
        `${language}: "${pair.key}" is the same as English ("${pair.english}"): translate it, or allow it in locales/glossary.json with a note`,
      ),
    );
}
