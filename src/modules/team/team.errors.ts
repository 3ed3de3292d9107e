import { ItemErrorCode } from '../../graphql/item-error-code';

/** Why one invitee of inviteUsers failed; messages `team.<code>`, or `team.<reason>` when a reason says more. */
export type InviteErrorCode = ItemErrorCode.INVALID_NAME | ItemErrorCode.INVALID_EMAIL | ItemErrorCode.EMAIL_ALREADY_INVITED;

/**
 * Why a name or e-mail is invalid, beyond its code (which stays INVALID_NAME or INVALID_EMAIL, so
 * clients that switch on the code keep working); given to clients as `i18nParams.reason`.
 */
export enum InvalidTextReason {
  /** A control character (NUL, tab, line break…) or a bidirectional override or isolate. */
  FORBIDDEN_CHARACTER = 'FORBIDDEN_CHARACTER',
  /** Only whitespace, combining marks or zero-width characters: nothing a reader would see. */
  NO_VISIBLE_CHARACTER = 'NO_VISIBLE_CHARACTER',
}

export interface InviteError {
  code: InviteErrorCode;
  reason?: InvalidTextReason;
}

const INVITE_ERROR_CODES: InviteErrorCode[] = [ItemErrorCode.INVALID_NAME, ItemErrorCode.INVALID_EMAIL, ItemErrorCode.EMAIL_ALREADY_INVITED];

const REASON_KEYS: string[] = [
  `${ItemErrorCode.INVALID_NAME}_${InvalidTextReason.FORBIDDEN_CHARACTER}`,
  `${ItemErrorCode.INVALID_NAME}_${InvalidTextReason.NO_VISIBLE_CHARACTER}`,
  `${ItemErrorCode.INVALID_EMAIL}_${InvalidTextReason.FORBIDDEN_CHARACTER}`,
];

export const teamErrorKey = ({ code, reason }: InviteError): string => `errors:team.${reason ? `${code}_${reason}` : code}`;

export const TEAM_ERROR_KEYS: string[] = [...INVITE_ERROR_CODES, ...REASON_KEYS].map((key) => `team.${key}`);
