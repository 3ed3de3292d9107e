import { canonicalEmail, canonicalText, hasForbiddenCharacter, hasVisibleCharacter } from '../../core/canonical-text';
import { collationKey } from '../../core/collation-key';
import { Role } from '../../core/viewer';
import { ItemErrorCode } from '../../graphql/item-error-code';
import { InvalidTextReason, type InviteError } from './team.errors';

export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;

// One @, no spaces, a dot in the domain: what a mail server would accept, without RFC 5322's corners.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]{2,}$/u;

/** An invitee as stored and as compared: name and e-mail canonical (core/canonical-text), the role defaulted. */
export interface CanonicalInvitee {
  name: string;
  email: string;
  role: Role;
}

export function canonicalInvitee(invitee: { name: string; email: string; role?: Role | null }): CanonicalInvitee {
  return { name: canonicalText(invitee.name), email: canonicalEmail(invitee.email), role: invitee.role ?? Role.MEMBER };
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

/** The sort keys stored with a name (team_user.name_sort_*): one per collation the lists sort by. */
export function nameSortKeysOf(name: string): { nameSortRoot: string; nameSortSv: string } {
  return { nameSortRoot: collationKey(name, 'root'), nameSortSv: collationKey(name, 'sv') };
}

/** Why a canonical invitee cannot be invited, or null; `taken` holds the (canonical) e-mails already invited. */
export function validateInvitee({ name, email }: CanonicalInvitee, taken: Set<string>): InviteError | null {
  if (hasForbiddenCharacter(name)) return { code: ItemErrorCode.INVALID_NAME, reason: InvalidTextReason.FORBIDDEN_CHARACTER };
  if (name.length === 0 || [...name].length > MAX_NAME_LENGTH) return { code: ItemErrorCode.INVALID_NAME };
  if (!hasVisibleCharacter(name)) return { code: ItemErrorCode.INVALID_NAME, reason: InvalidTextReason.NO_VISIBLE_CHARACTER };
  if (hasForbiddenCharacter(email)) return { code: ItemErrorCode.INVALID_EMAIL, reason: InvalidTextReason.FORBIDDEN_CHARACTER };
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return { code: ItemErrorCode.INVALID_EMAIL };
  if (taken.has(email)) return { code: ItemErrorCode.EMAIL_ALREADY_INVITED };
  return null;
}
