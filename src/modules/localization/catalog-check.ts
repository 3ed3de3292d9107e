import type { Resource } from 'i18next';
import { DEFAULT_LOCALE } from '../../core/language';
import { failure, type Finding, type FindingKind } from './finding';
import { PLURAL_KEY } from './plural-keys';

const VARIABLE = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

/** Flattens a catalog to dotted keys → strings. */
export function flatten(content: unknown, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries((content ?? {}) as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else flatten(value, path).forEach((text, nested) => flat.set(nested, text));
  }
  return flat;
}

interface KeyFamily {
  /** Plural forms present (empty for a plain key). */
  forms: Set<string>;
  variables: Set<string>;
  empty: boolean;
}

function families(flat: Map<string, string>): Map<string, KeyFamily> {
  const result = new Map<string, KeyFamily>();
  for (const [key, text] of flat) {
    const plural = PLURAL_KEY.exec(key);
    const name = plural ? plural[1] : key;
    const family = result.get(name) ?? { forms: new Set<string>(), variables: new Set<string>(), empty: false };
    if (plural) family.forms.add(plural[2]);
    for (const match of text.matchAll(VARIABLE)) family.variables.add(match[1]);
    family.empty ||= text.trim() === '';
    result.set(name, family);
  }
  return result;
}

/**
 * French typography (the Imprimerie nationale's rules, which French publishers follow): a
 * no-break space (U+00A0) before `:`, a narrow no-break space (U+202F) before `;`, `!`, `?` and inside
 * `« »`, so a line never starts with the sign. An ordinary space there breaks on a phone's narrow line.
 * Only the kind of space is checked: `Authorization: Bearer` (an HTTP header) and `10:00` have none.
 */
const FRENCH_TYPOGRAPHY: { rule: RegExp; says: string }[] = [
  { rule: /[^\S\u00a0]:/u, says: `needs a no-break space (U+00A0) before ":"` },
  { rule: /[^\S\u202f][;!?]/u, says: `needs a narrow no-break space (U+202F) before ";", "!" or "?"` },
  { rule: /«(?!\u202f)|(?<!\u202f)»/u, says: `needs narrow no-break spaces (U+202F) inside « »` },
];

/**
 * Swedish typography (Språkrådet's Svenska skrivregler), only the rules a program can decide: no space
 * before `:`, `;`, `!` or `?`; quotation marks are ”…” (the same sign on both sides), never “…”, «…» or
 * straight "…"; a range of numbers takes an en dash (`1–50`), not a hyphen.
 */
const SWEDISH_TYPOGRAPHY: { rule: RegExp; says: string }[] = [
  { rule: /\s[:;!?]/u, says: `has a space before ":", ";", "!" or "?" (Swedish writes none)` },
  { rule: /[“«»"]/u, says: `needs Swedish quotation marks ”…” (not “…”, «…» or "…")` },
  { rule: /(?<![\w{])\d+-\d+(?![\w}])/u, says: `needs an en dash (–) in a range of numbers, not a hyphen` },
];

const TYPOGRAPHY: Record<string, { rule: RegExp; says: string }[]> = { fr: FRENCH_TYPOGRAPHY, sv: SWEDISH_TYPOGRAPHY };

function typographyProblems(lng: string, ns: string, flat: Map<string, string>): Finding[] {
  const rules = TYPOGRAPHY[new Intl.Locale(lng).language] ?? [];
  const problems: Finding[] = [];
  for (const [key, text] of flat) {
    for (const { rule, says } of rules) if (rule.test(text)) problems.push(failure(lng, 'typography', `${ns}:${key}`, `${lng}/${ns}: "${key}" ${says}`));
  }
  return problems;
}

/**
 * Variables that hold a number: counts, limits, positions, times. Each must go through i18next's
 * `number` formatter (Intl.NumberFormat in the reader's language), or a French reader sees "1000" for
 * "1 000" and "1.5" for "1,5". Plural keys still choose their form from the raw `count`.
 */
export const NUMERIC_VARIABLES: ReadonlySet<string> = new Set([
  'count',
  'max',
  'min',
  'cost',
  'available',
  'retryAfterSeconds',
  'position',
  'firstIndex',
  'page',
  'pageCount',
  'minutes',
  'seconds',
  'maxValues',
  'maxLength',
]);

const INTERPOLATION = /\{\{\s*([\w.]+)\s*(?:,\s*([^}]*))?\}\}/g;
const NUMBER_FORMAT = /^number\b/;

function numberFormatProblems(lng: string, ns: string, flat: Map<string, string>): Finding[] {
  const problems: Finding[] = [];
  for (const [key, text] of flat) {
    for (const [, name, format] of text.matchAll(INTERPOLATION)) {
      if (NUMERIC_VARIABLES.has(name) && !NUMBER_FORMAT.test(format ?? '')) {
        const says = `${lng}/${ns}: "${key}" shows the number {{${name}}} without the locale's format ({{${name}, number}})`;
        problems.push(failure(lng, 'number-format', `${ns}:${key}`, says));
      }
    }
  }
  return problems;
}

/**
 * What is wrong with the catalogs, one line per problem: keys missing from a language, plural forms
 * its CLDR rules need but the catalog lacks, empty values, variables that differ from English, French
 * and Swedish typography, numbers shown without the `number` format, and error keys the code never uses
 * or uses without a message (`errorKeysInUse`: every key of the `errors` namespace the code can ask for,
 * which the composition root collects from the layers and modules).
 */
export function checkCatalogs(resources: Resource, errorKeysInUse: ReadonlySet<string>): string[] {
  return catalogFindings(resources, errorKeysInUse).map((finding) => finding.message);
}

/** The same problems as {@link checkCatalogs}, as findings (every one a failure). */
export function catalogFindings(resources: Resource, errorKeysInUse: ReadonlySet<string>): Finding[] {
  const problems: Finding[] = [];
  const english = resources[DEFAULT_LOCALE] ?? {};
  for (const lng of Object.keys(resources)) {
    for (const ns of new Set([...Object.keys(english), ...Object.keys(resources[lng])])) {
      problems.push(...parityProblems(lng, ns, flatten(english[ns]), flatten(resources[lng][ns])));
      const texts = flatten(resources[lng][ns]);
      problems.push(...typographyProblems(lng, ns, texts), ...numberFormatProblems(lng, ns, texts));
    }
  }
  return [...problems, ...errorKeyProblems(flatten(english.errors), errorKeysInUse)];
}

function parityProblems(lng: string, ns: string, englishTexts: Map<string, string>, texts: Map<string, string>): Finding[] {
  const problems: Finding[] = [];
  const says = (kind: FindingKind, key: string, text: string) => problems.push(failure(lng, kind, `${ns}:${key}`, `${lng}/${ns}: ${text}`));
  const pluralForms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const reference = families(englishTexts);
  const own = families(texts);
  for (const [key, family] of reference) {
    const mine = own.get(key);
    if (!mine) {
      says('missing', key, `missing "${key}"`);
      continue;
    }
    if (mine.empty) says('empty', key, `empty "${key}"`);
    if (family.forms.size > 0) {
      for (const form of pluralForms) if (!mine.forms.has(form)) says('plural', key, `"${key}" lacks the plural form _${form}`);
    }
    const differs = [...family.variables].some((v) => !mine.variables.has(v)) || [...mine.variables].some((v) => !family.variables.has(v));
    if (differs) says('variables', key, `"${key}" has variables {${[...mine.variables]}} but English has {${[...family.variables]}}`);
  }
  for (const key of own.keys()) if (!reference.has(key)) says('extra', key, `"${key}" is not in English`);
  return problems;
}

function errorKeyProblems(englishErrors: Map<string, string>, errorKeysInUse: ReadonlySet<string>): Finding[] {
  const errorKeys = new Set(families(englishErrors).keys());
  const problems: Finding[] = [];
  for (const key of errorKeysInUse) {
    if (!errorKeys.has(key))
      problems.push(failure(DEFAULT_LOCALE, 'missing-in-english', `errors:${key}`, `${DEFAULT_LOCALE}/errors: the code uses "${key}" but it has no message`));
  }
  for (const key of errorKeys) {
    if (!errorKeysInUse.has(key))
      problems.push(failure(DEFAULT_LOCALE, 'unused', `errors:${key}`, `${DEFAULT_LOCALE}/errors: "${key}" is not used by the code`));
  }
  return problems;
}
