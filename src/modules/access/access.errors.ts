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

export const ACCESS_ERROR_KEYS: string[] = ACCESS_ERROR_CODES.map((code) => `access.${code}`);
