import { REQUEST_ERROR_KEYS } from '../core/error-codes';
import { GRAPHQL_ERROR_KEYS } from '../graphql/graphql-errors';
import { HTTP_ERROR_KEYS } from '../http/http-errors';
import { ACCESS_ERROR_KEYS } from '../modules/access/access.errors';
import { ORGANIZATION_ERROR_KEYS } from '../modules/organization/organization.errors';
import { TEAM_ERROR_KEYS } from '../modules/team/team.errors';

/** Every key of the `errors` catalog the code can ask for, from each layer and module that raises errors. */
export const ERROR_KEYS_IN_USE: ReadonlySet<string> = new Set([
  ...REQUEST_ERROR_KEYS,
  ...GRAPHQL_ERROR_KEYS,
  ...HTTP_ERROR_KEYS,
  ...ORGANIZATION_ERROR_KEYS,
  ...ACCESS_ERROR_KEYS,
  ...TEAM_ERROR_KEYS,
]);
