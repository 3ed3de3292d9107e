/**
 * GraphQL documents the tests send, written as a client would, each typed with the shape of its
 * `data`: `server.gql(CONNECT, …)` answers a `GraphQLResponse<ConnectData>`. The types follow the
 * documents' selections over schema/schema.graphql (nullable fields as `| null`); schema.test.ts
 * checks the documents themselves against that schema.
 */

declare const data: unique symbol;

/**
 * A GraphQL document as sent over HTTP, with the type of its `data`: a string at run time, the
 * `data` property exists for the compiler only (so a plain string never passes for a typed document).
 */
export type Operation<TData> = string & { readonly [data]: TData };

/** The type of a typed document's data: `GraphQLResponse<DataOf<typeof CONNECT>>`. */
export type DataOf<TOperation> = TOperation extends Operation<infer TData> ? TData : never;

type ID = string;
/** DateTimeISO: an ISO 8601 string at UTC. */
type DateTime = string;

export type Role = 'ADMIN' | 'MEMBER';
export type MarketoAccessStatus = 'CONNECTED' | 'NOT_CONNECTED';
export type Feature = 'INTERESTING_MOMENTS_LIVE_FEED' | 'MARKETING_CAMPAIGNS';
export type AuditAction = 'MARKETO_ACCESS_GRANTED' | 'MARKETO_ACCESS_REVOKED' | 'MARKETO_CONNECTED' | 'USER_INVITED';
export type ItemErrorCode =
  | 'ALREADY_CONNECTED'
  | 'DUPLICATE'
  | 'EMAIL_ALREADY_INVITED'
  | 'INVALID_EMAIL'
  | 'INVALID_NAME'
  | 'NOT_CONNECTED'
  | 'USER_NOT_FOUND'
  | 'WORKSPACES_NOT_ENABLED'
  | 'WORKSPACE_NOT_FOUND';

export interface Workspace {
  id: ID;
  name: string;
  isDefault: boolean;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** The fields of every per-item error (the ErrorResult interface). */
export interface ErrorFields {
  code: ItemErrorCode;
  message: string;
  i18nKey: string;
  i18nParams: Record<string, unknown>;
}

/** What every per-user result of connect/disconnect has (the UserItemResult interface). */
export interface UserItemFields {
  userId: ID;
  /** Position in the input, across assignments. */
  index: number;
  /** The user as it is after the call, for normalized caches; null for an id that names no user. */
  user: { id: ID; marketoAccess: { status: MarketoAccessStatus; workspaces: Pick<Workspace, 'id'>[] } } | null;
}

export interface UserAccessError extends ErrorFields, UserItemFields {
  __typename: 'UserAccessError';
}

// ---------------------------------------------------------------------------------------------
// connectMarketoUsers, disconnectMarketoUsers
// ---------------------------------------------------------------------------------------------

export interface MarketoAccessGranted extends UserItemFields {
  __typename: 'MarketoAccessGranted';
  grant: { id: ID; grantedAt: DateTime; grantedBy: { id: ID } | null; user: { id: ID } | null; workspaces: Workspace[] };
}

export interface MarketoAccessUnchanged extends UserItemFields {
  __typename: 'MarketoAccessUnchanged';
  grant: { id: ID; workspaces: Pick<Workspace, 'id' | 'name'>[] };
}

export type ConnectResult = MarketoAccessGranted | MarketoAccessUnchanged | UserAccessError;

export interface ConnectPayload {
  connectedCount: number;
  unchangedCount: number;
  errorCount: number;
  replayed: boolean;
  results: ConnectResult[];
}

export const CONNECT = /* GraphQL */ `
  mutation Connect($input: ConnectMarketoUsersInput!) {
    connectMarketoUsers(input: $input) {
      connectedCount
      unchangedCount
      errorCount
      replayed
      results {
        __typename
        ... on UserItemResult { userId index user { id marketoAccess { status workspaces { id } } } }
        ... on MarketoAccessGranted { grant { id grantedAt grantedBy { id } user { id } workspaces { id name isDefault } } }
        ... on MarketoAccessUnchanged { grant { id workspaces { id name } } }
        ... on ErrorResult { code message i18nKey i18nParams }
      }
    }
  }
` as Operation<{ connectMarketoUsers: ConnectPayload }>;

export interface MarketoAccessRevoked extends UserItemFields {
  __typename: 'MarketoAccessRevoked';
  revokedGrant: { id: ID; workspaces: Pick<Workspace, 'name'>[] };
}

export type DisconnectResult = MarketoAccessRevoked | UserAccessError;

export interface DisconnectPayload {
  disconnectedCount: number;
  errorCount: number;
  replayed: boolean;
  results: DisconnectResult[];
}

export const DISCONNECT = /* GraphQL */ `
  mutation Disconnect($input: DisconnectMarketoUsersInput!) {
    disconnectMarketoUsers(input: $input) {
      disconnectedCount
      errorCount
      replayed
      results {
        __typename
        ... on UserItemResult { userId index user { id marketoAccess { status workspaces { id } } } }
        ... on MarketoAccessRevoked { revokedGrant { id workspaces { name } } }
        ... on ErrorResult { code message i18nKey i18nParams }
      }
    }
  }
` as Operation<{ disconnectMarketoUsers: DisconnectPayload }>;

// ---------------------------------------------------------------------------------------------
// inviteUsers, teamAccess
// ---------------------------------------------------------------------------------------------

export interface UserInvited {
  __typename: 'UserInvited';
  user: { id: ID; name: string; email: string; role: Role };
}

export interface InviteUserError extends ErrorFields {
  __typename: 'InviteUserError';
  email: string;
}

export type InviteResult = UserInvited | InviteUserError;

export interface InvitePayload {
  invitedCount: number;
  errorCount: number;
  replayed: boolean;
  results: InviteResult[];
}

export const INVITE = /* GraphQL */ `
  mutation Invite($input: InviteUsersInput!) {
    inviteUsers(input: $input) {
      invitedCount
      errorCount
      replayed
      results {
        __typename
        ... on UserInvited { user { id name email role } }
        ... on InviteUserError { email code message i18nKey i18nParams }
      }
    }
  }
` as Operation<{ inviteUsers: InvitePayload }>;

/** A row of the Team Access page. */
export interface TeamUser {
  id: ID;
  name: string;
  email: string;
  role: Role;
  invitedAt: DateTime;
  marketoAccess: {
    status: MarketoAccessStatus;
    grantedAt: DateTime | null;
    grantedBy: { id: ID; name: string } | null;
    workspaces: Workspace[];
  };
}

export interface TeamAccessPage {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: TeamUser }[];
}

export const TEAM_ACCESS = /* GraphQL */ `
  query TeamAccess($first: Int, $after: String, $search: String, $status: MarketoAccessStatus) {
    teamAccess(first: $first, after: $after, search: $search, status: $status) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id
          name
          email
          role
          invitedAt
          marketoAccess { status grantedAt grantedBy { id name } workspaces { id name isDefault } }
        }
      }
    }
  }
` as Operation<{ teamAccess: TeamAccessPage }>;

// ---------------------------------------------------------------------------------------------
// The organization: its Marketo connection and workspaces, the caller, the audit trail
// ---------------------------------------------------------------------------------------------

export const WORKSPACES = /* GraphQL */ `
  query { marketoWorkspaces { id name isDefault } }
` as Operation<{ marketoWorkspaces: Workspace[] }>;

export interface MarketoConnection {
  connected: boolean;
  connectedAt: DateTime | null;
  readyAt: DateTime | null;
  ready: boolean;
  retryAfterSeconds: number | null;
  workspacesEnabled: boolean;
}

export const CONNECT_MARKETO = /* GraphQL */ `
  mutation ConnectMarketo($input: ConnectMarketoInput!) {
    connectMarketo(input: $input) { connected connectedAt readyAt ready retryAfterSeconds workspacesEnabled }
  }
` as Operation<{ connectMarketo: MarketoConnection }>;

export const MARKETO_CONNECTION = /* GraphQL */ `
  query MarketoConnection { marketoConnection { connected connectedAt readyAt ready retryAfterSeconds workspacesEnabled } }
` as Operation<{ marketoConnection: MarketoConnection }>;

export interface Viewer {
  role: Role;
  unlockedFeatures: Feature[];
  user: { id: ID; name: string };
  organization: { id: ID; name: string };
}

export const VIEWER = /* GraphQL */ `
  query Viewer { viewer { role unlockedFeatures user { id name } organization { id name } } }
` as Operation<{ viewer: Viewer }>;

/** `details` by action: `{ grantId, workspaceIds }` for a grant or revoke, `{ role }` for an invitation, `{ workspacesEnabled, workspaceNames }` for connectMarketo. */
export interface AuditDetails {
  grantId?: ID;
  workspaceIds?: ID[];
  role?: Role;
  workspacesEnabled?: boolean;
  workspaceNames?: string[];
}

export interface AuditEvent {
  id: ID;
  action: AuditAction;
  targetType: string;
  targetId: ID;
  details: AuditDetails;
  occurredAt: DateTime;
  actor: { id: ID; name: string } | null;
}

export interface AuditEventsPage {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: AuditEvent }[];
}

export const AUDIT_EVENTS = /* GraphQL */ `
  query AuditEvents($first: Int, $after: String) {
    auditEvents(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id action targetType targetId details occurredAt actor { id name } } }
    }
  }
` as Operation<{ auditEvents: AuditEventsPage }>;
