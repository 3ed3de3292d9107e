/** GraphQL documents the tests send, written as a client would. */
export const CONNECT = /* GraphQL */ `
  mutation Connect($input: ConnectMarketoUsersInput!) {
    connectMarketoUsers(input: $input) {
      connectedCount
      unchangedCount
      errorCount
      replayed
      results {
        __typename
        ... on UserItemResult { userId }
        ... on MarketoAccessGranted { grant { id grantedAt grantedBy { id } user { id } workspaces { id name isDefault } } }
        ... on MarketoAccessUnchanged { grant { id workspaces { id name } } }
        ... on ErrorResult { code message i18nKey i18nParams }
      }
    }
  }
`;

export const DISCONNECT = /* GraphQL */ `
  mutation Disconnect($input: DisconnectMarketoUsersInput!) {
    disconnectMarketoUsers(input: $input) {
      disconnectedCount
      errorCount
      replayed
      results {
        __typename
        ... on UserItemResult { userId }
        ... on MarketoAccessRevoked { revokedGrant { id workspaces { name } } }
        ... on ErrorResult { code message i18nKey i18nParams }
      }
    }
  }
`;

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
`;

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
`;

export const WORKSPACES = /* GraphQL */ `
  query { marketoWorkspaces { id name isDefault } }
`;

export const CONNECT_MARKETO = /* GraphQL */ `
  mutation ConnectMarketo($input: ConnectMarketoInput!) {
    connectMarketo(input: $input) { connected connectedAt readyAt ready retryAfterSeconds workspacesEnabled }
  }
`;

export const MARKETO_CONNECTION = /* GraphQL */ `
  query MarketoConnection { marketoConnection { connected connectedAt readyAt ready retryAfterSeconds workspacesEnabled } }
`;

export const VIEWER = /* GraphQL */ `
  query Viewer { viewer { role unlockedFeatures user { id name } organization { id name } } }
`;

export const AUDIT_EVENTS = /* GraphQL */ `
  query AuditEvents($first: Int, $after: String) {
    auditEvents(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id action targetType targetId details occurredAt actor { id name } } }
    }
  }
`;
