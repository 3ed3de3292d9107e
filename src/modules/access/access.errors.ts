import { badInput, type AppError } from '../../core/app-error';
import { ItemErrorCode } from '../../graphql/item-error-code';

/** Why one user of connectMarketoUsers failed; messages `access.<code>`. */
export type ConnectErrorCode =
  | ItemErrorCode.USER_NOT_FOUND
  | ItemErrorCode.WORKSPACES_NOT_ENABLED
  | ItemErrorCode.WORKSPACE_NOT_FOUND
  | ItemErrorCode.ALREADY_CONNECTED
  | ItemErrorCode.DUPLICATE;

/** Why one user of disconnectMarketoUsers failed. */
export type DisconnectErrorCode = ItemErrorCode.USER_NOT_FOUND | ItemErrorCode.NOT_CONNECTED | ItemErrorCode.DUPLICATE;

export type AccessErrorCode = ConnectErrorCode | DisconnectErrorCode;

const ACCESS_ERROR_CODES: AccessErrorCode[] = [
  ItemErrorCode.USER_NOT_FOUND,
  ItemErrorCode.WORKSPACES_NOT_ENABLED,
  ItemErrorCode.WORKSPACE_NOT_FOUND,
  ItemErrorCode.ALREADY_CONNECTED,
  ItemErrorCode.NOT_CONNECTED,
  ItemErrorCode.DUPLICATE,
];

export const accessErrorKey = (code: AccessErrorCode): string => `errors:access.${code}`;

/** teamAccess's BAD_USER_INPUT reason: a control character in `search` (SQLite's LIKE stops at a NUL and matched everyone). */
const SEARCH_FORBIDDEN_CHARACTER = 'SEARCH_FORBIDDEN_CHARACTER';

export const searchWithForbiddenCharacter = (): AppError => badInput(SEARCH_FORBIDDEN_CHARACTER, undefined, 'access');

export const ACCESS_ERROR_KEYS: string[] = [...ACCESS_ERROR_CODES, SEARCH_FORBIDDEN_CHARACTER].map((code) => `access.${code}`);
