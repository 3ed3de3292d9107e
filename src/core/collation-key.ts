/**
 * Sort keys for names, computed in code when a name is written: the database compares them byte for
 * byte (SQLite has no ICU collation, and MariaDB's would differ from it), and the byte order of a key
 * is the order of `Intl.Collator(language)` for the names our customers type (Latin letters with
 * accents, digits, spaces, hyphens, apostrophes and other ASCII punctuation).
 *
 * A key has three levels, as a collator compares (UCA / CLDR):
 *   1. primary: the letters without case or accent ("Léa" = "lea", Swedish "Åsa" after "Zoran");
 *   2. secondary: the accents, in the order of the letters ("Lea" before "Léa");
 *   3. tertiary: the case ("léa" before "Léa").
 * Each level is a string of weights (one character per weight, all above U+0020), and the levels are
 * joined by U+0020, lower than any weight, so a shorter name sorts first ("Ann" before "Anna").
 * Equal keys (the same name) are ordered by id in SQL.
 *
 * Where this deviates from ICU (documented, not tested as equal): characters outside the table below
 * (other scripts, symbols such as "§" or "€") sort after every Latin letter, by code point; a level
 * longer than LEVEL_LENGTH weights is cut (names have at most 200 characters, so only a name full of
 * "ß" or "æ" reaches it).
 */

/** The collations the product sorts by: English and French share CLDR's root order, Swedish tailors it. */
export type Collation = 'root' | 'sv';

export const COLLATIONS: readonly Collation[] = ['root', 'sv'];

/** The collation of a request's language: Swedish its own, every other language (en, fr, pseudo-locales) root. */
export function collationOf(language: string): Collation {
  return language === 'sv' || language.startsWith('sv-') ? 'sv' : 'root';
}

/** The most weights kept per level: the stored key then has at most 3 × 200 + 2 characters. */
export const LEVEL_LENGTH = 200;
export const COLLATION_KEY_LENGTH = 3 * LEVEL_LENGTH + 2;

const LEVEL_SEPARATOR = ' ';
const FIRST_WEIGHT = 0x21;
const weight = (index: number): string => String.fromCodePoint(FIRST_WEIGHT + index);

// Punctuation in CLDR root order (non-ignorable: Intl.Collator's default, so "Anne Marie" < "Anne-Marie"
// < "Annemarie"); every white space is the space.
const PUNCTUATION = [...' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$'];
const DIGITS = [...'0123456789'];

// Letters in root order: ı (dotless i) is a letter of its own after i.
const LATIN = [...'abcdefghi\u0131jklmnopqrstuvwxyz'];

/** The primary alphabet of each collation, lowest first. */
const ALPHABETS: Record<Collation, string[]> = {
  // þ (thorn) is a letter after z.
  root: [...PUNCTUATION, ...DIGITS, ...LATIN, 'þ'],
  // Swedish: å, ä, ö are letters after z, in that order (CLDR sv); þ is "th".
  sv: [...PUNCTUATION, ...DIGITS, ...LATIN, 'å', 'ä', 'ö'],
};

const PRIMARY: Record<Collation, Map<string, string>> = {
  root: new Map(ALPHABETS.root.map((letter, index) => [letter, weight(index)])),
  sv: new Map(ALPHABETS.sv.map((letter, index) => [letter, weight(index)])),
};

// The combining diacritical marks (U+0300–U+036F) in the order of their secondary weights in CLDR root,
// as measured with Intl.Collator (ICU 78); marks of equal weight share one entry.
const MARK_ORDER: string[][] = [
  '\u034F \u0332 \u0313\u0343 \u0314 \u0301\u0341 \u0300\u0340 \u0306 \u0302',
  '\u030C \u030A \u0342 \u0308 \u0344 \u030B \u0303 \u0307',
  '\u0338 \u0327 \u0328 \u0304 \u030D\u030E\u0312\u0315\u031A\u033D\u033E\u033F\u0346\u034A\u034B\u034C\u0350\u0351\u0352\u0357\u035B\u035D\u035E \u0316\u0317\u0318\u0319\u031C\u031D\u031E\u031F\u0320\u0329\u032A\u032B\u032C\u032F\u0333\u033A\u033B\u033C\u0347\u0348\u0349\u034D\u034E\u0353\u0354\u0355\u0356\u0359\u035A\u035C\u035F\u0362 \u0336\u0337 \u0335',
  '\u0305 \u0309 \u030F \u0310 \u0311 \u031B \u0321 \u0322',
  '\u0323 \u0324 \u0325 \u0326 \u032D \u032E \u0330 \u0331',
  '\u0334 \u0339 \u0345 \u0358 \u0360 \u0361 \u0363 \u0368',
  '\u0369 \u0364 \u036A \u0365 \u036B \u0366 \u036C \u036D',
  '\u0367 \u036E \u036F',
]
  .join(' ')
  .split(' ')
  .map((group) => [...group]);
// Weight 0 is "no accent"; the next TAILORED ones are Swedish letters that are accented forms of another
// ("æ" of "ä": CLDR sv puts them right after the plain letter, before any combining mark).
const NO_ACCENT = weight(0);
const TAILORED = 4;
const tailored = (rank: number): string => weight(1 + rank);
const MARK_WEIGHT = new Map(MARK_ORDER.flatMap((marks, index) => marks.map((mark) => [mark, weight(1 + TAILORED + index)] as const)));
/** Marks beyond the combining diacritical marks block (U+0300–U+036F): after them, as one. */
const OTHER_MARK = weight(1 + TAILORED + MARK_ORDER.length);
const LOWER = weight(0);
const UPPER = weight(1);

/** One collation element: a primary letter (or none, for a mark), its accent and its case. */
interface Element {
  primary: string | null;
  secondary: string;
  tertiary: string;
}

/**
 * Letters that are not a base letter plus combining marks. In root (DUCET) they are their primary
 * letters followed by an accent of their own (`mark`: "ø" is "o" and a stroke, "æ" is "a", a mark, "e");
 * Swedish tailors some into one letter with a secondary weight (`secondary`: "æ" is an accented "ä").
 * The special accents come after every combining mark, in the order measured from Intl.Collator.
 */
interface SpecialLetter {
  letters: string;
  mark?: string;
  secondary?: string;
}
const SPECIAL_SECONDARY = 0x100;
const special = (rank: number): string => String.fromCodePoint(SPECIAL_SECONDARY + rank);
const ROOT_LETTERS: Record<string, SpecialLetter> = {
  æ: { letters: 'ae', mark: special(0) },
  œ: { letters: 'oe', mark: special(1) },
  ß: { letters: 'ss', mark: special(2) },
  ĳ: { letters: 'ij', mark: special(3) },
  ð: { letters: 'd', mark: special(4) },
  ø: { letters: 'o', mark: MARK_WEIGHT.get('\u0338') },
  ł: { letters: 'l', mark: MARK_WEIGHT.get('\u0338') },
  đ: { letters: 'd', mark: MARK_WEIGHT.get('\u0338') },
  // Typographic apostrophes are the apostrophe with an accent of their own ("O'Brien" before "O’Brien").
  '\u2018': { letters: "'", mark: special(6) },
  '\u2019': { letters: "'", mark: special(7) },
};
const SV_LETTERS: Record<string, SpecialLetter> = {
  ...ROOT_LETTERS,
  å: { letters: 'å' },
  ä: { letters: 'ä' },
  æ: { letters: 'ä', secondary: tailored(0) },
  ę: { letters: 'ä', secondary: tailored(1) },
  ö: { letters: 'ö' },
  ø: { letters: 'ö', secondary: tailored(0) },
  ő: { letters: 'ö', secondary: tailored(1) },
  œ: { letters: 'ö', secondary: tailored(2) },
  ô: { letters: 'ö', secondary: tailored(3) },
  ü: { letters: 'y', secondary: tailored(0) },
  ű: { letters: 'y', secondary: tailored(1) },
  þ: { letters: 'th', mark: special(5) },
};
const LETTERS_OF: Record<Collation, Record<string, SpecialLetter>> = { root: ROOT_LETTERS, sv: SV_LETTERS };

// Characters a collator ignores entirely: format characters (zero-width space and joiners, soft
// hyphen, BOM) and the other default-ignorable code points.
const IGNORABLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const MARK = /^\p{M}$/u;
const WHITE_SPACE = /^\p{White_Space}$/u;

function elementsOf(character: string, collation: Collation): Element[] {
  if (IGNORABLE.test(character)) return [];
  if (MARK.test(character)) return [{ primary: null, secondary: MARK_WEIGHT.get(character) ?? OTHER_MARK, tertiary: LOWER }];
  // Every space is the space; a no-break or other space differs from it at the last level only.
  if (WHITE_SPACE.test(character)) return [{ primary: ' ', secondary: NO_ACCENT, tertiary: character === ' ' ? LOWER : UPPER }];
  const lower = character.toLowerCase();
  const tertiary = lower === character ? LOWER : UPPER;
  const letter = LETTERS_OF[collation][lower];
  if (letter) {
    const [first, ...rest] = [...letter.letters].map((primary): Element => ({ primary, secondary: NO_ACCENT, tertiary }));
    if (letter.secondary) first.secondary = letter.secondary;
    return letter.mark ? [first, { primary: null, secondary: letter.mark, tertiary }, ...rest] : [first, ...rest];
  }
  const decomposed = [...character.normalize('NFD')];
  if (decomposed.length > 1) return decomposedElements(decomposed, collation);
  return [{ primary: lower, secondary: NO_ACCENT, tertiary }];
}

/**
 * A letter with accents, where the letter with one of its accents is a letter of the collation: in
 * Swedish "ǖ" is "ü" (an accented "y") with a macron, "ǻ" is "å" with an acute, and "ą̈" is "ä" with an
 * ogonek. As in ICU, an accent is reached past accents of another combining class only.
 */
function decomposedElements([base, ...marks]: string[], collation: Collation): Element[] {
  const tertiary = base.toLowerCase() === base ? LOWER : UPPER;
  const withCase = (elements: Element[]) => elements.map((element) => ({ ...element, tertiary }));
  for (const [index, mark] of marks.entries()) {
    if (marks.slice(0, index).some((before) => sameCombiningClass(before, mark))) break;
    const letter = (base + mark).normalize('NFC');
    if ([...letter].length === 1 && LETTERS_OF[collation][letter.toLowerCase()]) {
      const others = marks.filter((_, other) => other !== index);
      return withCase([...elementsOf(letter, collation), ...others.flatMap((other) => elementsOf(other, collation))]);
    }
  }
  return withCase([base, ...marks].flatMap((part) => elementsOf(part, collation)));
}

/** Canonical ordering (NFD) swaps marks of different combining classes only. */
const sameCombiningClass = (a: string, b: string): boolean => `a${a}${b}`.normalize('NFD') !== `a${b}${a}`.normalize('NFD');

/** A character and the accents that follow it (or accents with nothing before them). */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/** The elements of a letter and its accents: as one character when Unicode composes them into one. */
function clusterElements(cluster: string, collation: Collation): Element[] {
  const composed = cluster.normalize('NFC');
  if ([...composed].length === 1) return elementsOf(composed, collation);
  return MARK.test([...cluster][0]) ? [...cluster].flatMap((mark) => elementsOf(mark, collation)) : decomposedElements([...cluster], collation);
}

/**
 * The sort key of a name under a collation: binary order of keys = the collator's order of names
 * (primary, then accents, then case). Stored in `team_user.name_sort_<collation>`.
 */
export function collationKey(name: string, collation: Collation): string {
  const primaries: string[] = [];
  const secondaries: string[] = [];
  const tertiaries: string[] = [];
  const table = PRIMARY[collation];
  for (const cluster of name.normalize('NFD').match(CLUSTER) ?? []) {
    for (const element of clusterElements(cluster, collation)) {
      if (element.primary !== null) primaries.push(table.get(element.primary) ?? element.primary);
      secondaries.push(element.secondary);
      tertiaries.push(element.tertiary);
    }
  }
  const level = (weights: string[]) => weights.slice(0, LEVEL_LENGTH).join('');
  return [level(primaries), level(secondaries), level(tertiaries)].join(LEVEL_SEPARATOR);
}
