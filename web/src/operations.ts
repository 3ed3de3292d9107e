import { graphql } from './gql';

/** The id of the help article the panel shows. */
export const HELP_ARTICLE_ID = 'grant-marketo-access-to-users';

export const LocalesQuery = graphql(`
  query Locales {
    locales {
      code
      nativeName
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      unlockedFeatures
      user {
        id
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

/** What the page shows of the Marketo connection: connected, the ten-minute wait (R2), workspaces on or off. */
export const MarketoConnectionStateFragment = graphql(`
  fragment MarketoConnectionState on MarketoConnection {
    connected
    ready
    readyAt
    retryAfterSeconds
    workspacesEnabled
  }
`);

export const MarketoConnectionQuery = graphql(`
  query MarketoConnection {
    marketoConnection {
      ...MarketoConnectionState
    }
  }
`);

export const MarketoWorkspacesQuery = graphql(`
  query MarketoWorkspaces {
    marketoWorkspaces {
      id
      name
      isDefault
    }
  }
`);

export const TeamAccessQuery = graphql(`
  query TeamAccess($first: Int, $after: String, $search: String, $status: MarketoAccessStatus) {
    teamAccess(first: $first, after: $after, search: $search, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          role
          marketoAccess {
            status
            workspaces {
              id
              name
              isDefault
            }
          }
        }
      }
    }
  }
`);

export const HelpArticleQuery = graphql(`
  query HelpArticle($id: ID!, $locale: String!) {
    helpArticle(id: $id, locale: $locale) {
      id
      locale
      title
      html
    }
  }
`);

/** A per-user result of connect/disconnect: its kind, the user, and for an error its code and message variables. */
export const UserResultFragment = graphql(`
  fragment UserResult on UserItemResult {
    __typename
    userId
    ... on ErrorResult {
      code
      i18nParams
    }
  }
`);

export const ConnectMarketoUsersMutation = graphql(`
  mutation ConnectMarketoUsers($input: ConnectMarketoUsersInput!) {
    connectMarketoUsers(input: $input) {
      connectedCount
      unchangedCount
      errorCount
      results {
        ...UserResult
      }
    }
  }
`);

export const DisconnectMarketoUsersMutation = graphql(`
  mutation DisconnectMarketoUsers($input: DisconnectMarketoUsersInput!) {
    disconnectMarketoUsers(input: $input) {
      disconnectedCount
      errorCount
      results {
        ...UserResult
      }
    }
  }
`);

export const ConnectMarketoMutation = graphql(`
  mutation ConnectMarketo($input: ConnectMarketoInput!) {
    connectMarketo(input: $input) {
      ...MarketoConnectionState
    }
  }
`);
