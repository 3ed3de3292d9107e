/**
 * Codes of per-item results of bulk mutations (the item failed; the others went on): one enum in the
 * schema, whichever module reports the code. Each module maps its codes to its own message keys.
 * A plain enum, registered with GraphQL in error-result.types.ts, so pure rules can use it without
 * loading type-graphql.
 */
export enum ItemErrorCode {
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  WORKSPACE_NOT_FOUND = 'WORKSPACE_NOT_FOUND',
  WORKSPACES_NOT_ENABLED = 'WORKSPACES_NOT_ENABLED',
  ALREADY_CONNECTED = 'ALREADY_CONNECTED',
  NOT_CONNECTED = 'NOT_CONNECTED',
  DUPLICATE = 'DUPLICATE',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_NAME = 'INVALID_NAME',
  EMAIL_ALREADY_INVITED = 'EMAIL_ALREADY_INVITED',
}
