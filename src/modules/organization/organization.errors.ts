import { AppError, badInput } from '../../core/app-error';

/** Why a request about the Marketo connection failed (`extensions.code`); messages `organization.<code>`. */
export enum OrganizationErrorCode {
  MARKETO_NOT_CONNECTED = 'MARKETO_NOT_CONNECTED',
  MARKETO_CONNECTION_NOT_READY = 'MARKETO_CONNECTION_NOT_READY',
  MARKETO_ALREADY_CONNECTED = 'MARKETO_ALREADY_CONNECTED',
}

/** connectMarketo's BAD_USER_INPUT reason: workspace names given for a subscription without workspaces. */
const WORKSPACES_NOT_ENABLED = 'WORKSPACES_NOT_ENABLED';

export function organizationError(code: OrganizationErrorCode, options: ConstructorParameters<typeof AppError>[2] = {}): AppError {
  return new AppError(code, `organization.${code}`, options);
}

export const workspaceNamesWithoutWorkspaces = (): AppError => badInput(WORKSPACES_NOT_ENABLED, undefined, 'organization');

export const ORGANIZATION_ERROR_KEYS: string[] = [...Object.values(OrganizationErrorCode), WORKSPACES_NOT_ENABLED].map((key) => `organization.${key}`);
