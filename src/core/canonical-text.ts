import { createHash } from 'node:crypto';

/**
 * The one canonical form of user-typed text that is stored (names, e-mails, workspace names), and the
 * checks it must pass. Computed here, in code, so SQLite and MariaDB see the same bytes and compare
 * them the same way (binary): no database collation decides what is equal.
 */

/** Unicode NFC and no surrounding whitespace: "Chlo" + U+0301 + "e" and "Chloé" are one name. */
export function canonicalText(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * An e-mail address in canonical form: NFC, trimmed, and lower-cased as a whole. The domain is
 * case-insensitive by definition; the local part is lower-cased too because no mail provider of our
 * customers treats "Ann@x" and "ann@x" as two mailboxes, and two users for one person would be worse.
 */
export function canonicalEmail(email: string): string {
  return canonicalText(email).toLowerCase();
}

// C0 and C1 controls (NUL, tab, line feeds, DEL…), the line and paragraph separators, and the
// bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) that can make
// "moc.evil@ann" display as "ann@live.com".
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** True when the text has a control or bidirectional formatting character. */
export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

// What renders as nothing: whitespace, combining marks, format characters (zero-width space and
// joiners, word joiner, BOM), other default-ignorable code points (Hangul fillers) and the braille blank.
const INVISIBLE = /[\p{White_Space}\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** True when at least one character of the text is visible (not only blanks, marks or zero-width characters). */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

// The invisible characters a name key drops (whitespace is collapsed to one space instead).
const INVISIBLE_EXCEPT_SPACE = /[\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Keys longer than this (in characters) are stored as a hash: the indexed column stays small. */
export const NAME_KEY_LENGTH = 255;

/**
 * The key under which two names are the same name: ignoring case, accents, compatibility forms
 * (full-width letters, ligatures), invisible characters and runs of whitespace. "EMEA", "emea",
 * "Éméa" and "ＥＭＥＡ" have one key. Stored in a binary-compared column with a unique index.
 */
export function nameKey(name: string): string {
  const folded = name
    .normalize('NFKD')
    .toUpperCase()
    .toLowerCase() // upper then lower folds "ß" to "ss" like "SS"
    .normalize('NFKD')
    .replace(INVISIBLE_EXCEPT_SPACE, '')
    .replace(/\p{White_Space}+/gu, ' ')
    .trim()
    .normalize('NFC');
  return [...folded].length <= NAME_KEY_LENGTH ? folded : `sha256:${createHash('sha256').update(folded, 'utf8').digest('hex')}`;
}
