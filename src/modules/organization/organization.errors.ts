import { AppError, badInput } from '../../core/app-error';

/** Why a request about the Marketo connection failed (`extensions.code`); messages `organization.<code>`. */
export enum OrganizationErrorCode {
  MARKETO_NOT_CONNECTED = 'MARKETO_NOT_CONNECTED',
  MARKETO_CONNECTION_NOT_READY = 'MARKETO_CONNECTION_NOT_READY',
  MARKETO_ALREADY_CONNECTED = 'MARKETO_ALREADY_CONNECTED',
}

/** connectMarketo's BAD_USER_INPUT reason: workspace names given for a subscription without workspaces. */
const WORKSPACES_NOT_ENABLED = 'WORKSPACES_NOT_ENABLED';

/** Why connectMarketo refused a workspace name (BAD_USER_INPUT reasons; messages `organization.<reason>`). */
export enum WorkspaceNameProblem {
  /** A control character (NUL, line break…) or a bidirectional override or isolate. */
  FORBIDDEN_CHARACTER = 'WORKSPACE_NAME_FORBIDDEN_CHARACTER',
  /** Empty, or only whitespace, combining marks or zero-width characters. */
  NO_VISIBLE_CHARACTER = 'WORKSPACE_NAME_NOT_VISIBLE',
}

/** Two names of one call, or a name and an existing workspace, that are one name ignoring case and accents. */
const DUPLICATE_WORKSPACE_NAME = 'DUPLICATE_WORKSPACE_NAME';

export function organizationError(code: OrganizationErrorCode, options: ConstructorParameters<typeof AppError>[2] = {}): AppError {
  return new AppError(code, `organization.${code}`, options);
}

export const workspaceNamesWithoutWorkspaces = (): AppError => badInput(WORKSPACES_NOT_ENABLED, undefined, 'organization');

/** `position` is 1-based; the name itself is not echoed, since it holds what a message must not show. */
export const invalidWorkspaceName = (problem: WorkspaceNameProblem, index: number): AppError => badInput(problem, { position: index + 1 }, 'organization');

export const duplicateWorkspaceName = (name: string, other: string): AppError => badInput(DUPLICATE_WORKSPACE_NAME, { name, other }, 'organization');

export const ORGANIZATION_ERROR_KEYS: string[] = [
  ...Object.values(OrganizationErrorCode),
  WORKSPACES_NOT_ENABLED,
  ...Object.values(WorkspaceNameProblem),
  DUPLICATE_WORKSPACE_NAME,
].map((key) => `organization.${key}`);
