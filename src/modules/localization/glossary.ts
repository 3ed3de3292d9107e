import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One language's rendering of a term: the term first, then the inflected forms that also count. */
export interface TermRendering {
  forms: string[];
  note?: string;
  /** The form is the English word on purpose (the document keeps it): a value of just this may equal English. */
  identicalToEnglish?: boolean;
}

export interface GlossaryTerm {
  id: string;
  concept: string;
  /** Match the English forms exactly; otherwise a capital at the start of a sentence also counts. */
  caseSensitive?: boolean;
  /** Catalog keys whose value is this label on its own (the drop-down's "Workspace"): the term applies there too. */
  labelKeys?: string[];
  [language: string]: TermRendering | string | string[] | boolean | undefined;
}

/** A documented place where a translation does not use a term (or brand), with why. */
export interface GlossaryException {
  language: string;
  key: string;
  terms: string[];
  note: string;
}

/** `locales/glossary.json`: the documents' terms per language, brand names, and the allowed exceptions. */
export interface Glossary {
  languages: Record<string, { compounds: boolean; note?: string }>;
  terms: GlossaryTerm[];
  brands: { names: string[]; note?: string };
  /** Per language, `namespace:key` → why the value may equal English. */
  identical: Record<string, Record<string, string>>;
  exceptions: GlossaryException[];
}

export function loadGlossary(localesDir: string): Glossary {
  return JSON.parse(readFileSync(join(localesDir, 'glossary.json'), 'utf8')) as Glossary;
}

export function rendering(term: GlossaryTerm, language: string): TermRendering | undefined {
  const value = term[language];
  return typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** The text as compared: NFC, typographic apostrophes and no-break spaces folded to their plain forms. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[’ʼ]/gu, "'")
    .replace(/[\u00a0\u202f]/gu, ' ');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

// The checks test every term against every value: each pattern is compiled once.
const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let compiled = patterns.get(source);
  if (!compiled) patterns.set(source, (compiled = new RegExp(source, 'u')));
  return compiled;
}

/** Whether English text uses the term: a whole-word form, its first letter capitalized or not unless case-sensitive. */
export function englishUses(term: GlossaryTerm, text: string): boolean {
  const normalizedText = normalizeText(text);
  return (rendering(term, 'en')?.forms ?? []).some((form) => {
    const normalized = escape(normalizeText(form));
    const first = term.caseSensitive ? normalized : `[${normalized[0].toUpperCase()}${normalized[0].toLowerCase()}]${normalized.slice(1)}`;
    return pattern(`${NOT_LETTER_BEFORE}${first}${NOT_LETTER_AFTER}`).test(normalizedText);
  });
}

/**
 * Whether a translation uses one of the forms, in any case: starting a word, or, in a language that
 * writes compounds as one word, anywhere in one (standardarbetsyta).
 */
export function translationUses(forms: string[], language: string, text: string, compounds: boolean): boolean {
  const haystack = normalizeText(text).toLocaleLowerCase(language);
  return forms.some((form) => {
    const needle = escape(normalizeText(form).toLocaleLowerCase(language));
    return pattern(compounds ? needle : `${NOT_LETTER_BEFORE}${needle}`).test(haystack);
  });
}

/** Whether the glossary excuses `key` in `language` from using the term or brand `term`. */
export function isExcepted(glossary: Glossary, language: string, key: string, term: string): boolean {
  return glossary.exceptions.some((exception) => exception.language === language && exception.key === key && exception.terms.includes(term));
}
