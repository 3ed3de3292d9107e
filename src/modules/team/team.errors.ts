import { ItemErrorCode } from '../../graphql/item-error-code';

/** Why one invitee of inviteUsers failed; messages `team.<code>`. */
export type InviteErrorCode = ItemErrorCode.INVALID_NAME | ItemErrorCode.INVALID_EMAIL | ItemErrorCode.EMAIL_ALREADY_INVITED;

const INVITE_ERROR_CODES: InviteErrorCode[] = [ItemErrorCode.INVALID_NAME, ItemErrorCode.INVALID_EMAIL, ItemErrorCode.EMAIL_ALREADY_INVITED];

export const teamErrorKey = (code: InviteErrorCode): string => `errors:team.${code}`;

export const TEAM_ERROR_KEYS: string[] = INVITE_ERROR_CODES.map((code) => `team.${code}`);
