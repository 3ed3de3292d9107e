import { ItemErrorCode } from '../../graphql/item-error-code';
import type { InviteErrorCode } from './team.errors';

export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;

// One @, no spaces, a dot in the domain: what a mail server would accept, without RFC 5322's corners.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]{2,}$/u;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Lower-cased and without accents ("Chloé" → "chloe"), so search is case- and accent-insensitive. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The length of the search_text column, in characters. */
const SEARCH_TEXT_LENGTH = 460;

/** Name and e-mail folded for search, matched by `LIKE` the same way on SQLite and MySQL. */
export function searchTextOf(name: string, email: string): string {
  return [...foldForSearch(`${name} ${email}`)].slice(0, SEARCH_TEXT_LENGTH).join('');
}

/** Why an invitee cannot be invited, or null; `taken` holds the e-mails already invited. */
export function validateInvitee(invitee: { name: string; email: string }, taken: Set<string>): InviteErrorCode | null {
  const name = invitee.name.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (name.length === 0 || [...name].length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) return ItemErrorCode.INVALID_NAME;
  const email = normalizeEmail(invitee.email);
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return ItemErrorCode.INVALID_EMAIL;
  if (taken.has(email)) return ItemErrorCode.EMAIL_ALREADY_INVITED;
  return null;
}
