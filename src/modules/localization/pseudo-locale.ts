import type { ResourceLanguage } from 'i18next';

/**
 * The pseudo-locale's tag: English (`en`) in the private-use region XA, which ICU names "English
 * (Pseudo-Accents)" and gives English's plural and number rules, so Intl.PluralRules, NumberFormat and
 * DisplayNames work for it in Node and in browsers.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** How much longer than English a translation may run, in percent: German and French often run 30-40 % longer. */
const EXPANSION_PERCENT = 40;
const PADDING = '·';
/**
 * The padding comes as words of at most five dots: real translations grow by more and longer words, not
 * by one unbreakable run (a 35-dot run would force a table column wider than any language ever does).
 */
const PADDING_WORD_LENGTH = 5;

/**
 * What a translator must keep as it is: {{interpolations, formats}}, $t(nesting, {"options"}) and markup
 * such as Trans's <0>…</0> or <token>. $t( allows one level of parentheses inside, as its options may hold.
 */
const KEPT = /(\{\{[^}]*\}\}|\$t\((?:[^()]|\([^()]*\))*\)|<\/?[\w-]*\s*\/?>)/g;

// Each ASCII letter and an accented look-alike, so pseudo-text stays readable.
const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTS = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const ACCENTED = new Map([...PLAIN].map((letter, i) => [letter, [...ACCENTS][i]]));

/**
 * One English string as the pseudo-locale shows it: "Team Access" → "[Ţéåɱ Åççéšš ·····]". The accents
 * show text that bypassed the catalogs (it stays plain), the brackets show clipped ends, and the padding
 * (40 % of the visible letters) shows layouts that only fit English. What i18next or React reads
 * (interpolations, nesting, tags) is kept byte for byte; an empty string stays empty (it means "missing").
 */
export function pseudoLocalizeText(english: string): string {
  if (english === '') return english;
  let visible = 0;
  const accented = english
    .split(KEPT)
    .map((part, i) => {
      if (i % 2 === 1) return part; // split() puts the captured (kept) parts at odd indexes
      visible += [...part].length;
      return part.replace(/[A-Za-z]/g, (letter) => ACCENTED.get(letter)!);
    })
    .join('');
  const padding = paddingWords(Math.ceil((visible * EXPANSION_PERCENT) / 100));
  return padding ? `[${accented} ${padding}]` : `[${accented}]`;
}

function paddingWords(length: number): string {
  const words: string[] = [];
  for (let left = length; left > 0; left -= PADDING_WORD_LENGTH) words.push(PADDING.repeat(Math.min(left, PADDING_WORD_LENGTH)));
  return words.join(' ');
}

/** A catalog (namespace) pseudo-localized: the same keys, plural suffixes included, every string transformed. */
export function pseudoLocalize(catalog: ResourceLanguage): ResourceLanguage {
  return transform(catalog) as ResourceLanguage;
}

function transform(value: unknown): unknown {
  if (typeof value === 'string') return pseudoLocalizeText(value);
  if (Array.isArray(value)) return value.map(transform);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, nested]) => [key, transform(nested)]));
  return value;
}
