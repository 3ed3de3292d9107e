/**
 * The operations of the Relay client test (relay-client.test.ts), as a Relay app writes them. relay-compiler
 * turns them into the artifacts in __generated__ (`npm run relay`), which the test imports: this file is
 * read by the compiler only, never run (relay-runtime's `graphql` tag throws when called).
 */
import { graphql } from 'relay-runtime';

export const teamAccessQuery = graphql`
  query relayOperationsTeamAccessQuery($first: Int!, $status: MarketoAccessStatus) {
    teamAccess(first: $first, status: $status) @connection(key: "relayOperations_teamAccess", filters: ["status"]) {
      totalCount
      edges {
        node {
          id
          name
          marketoAccess {
            status
            workspaces {
              id
              name
            }
          }
        }
      }
    }
  }
`;

export const connectMutation = graphql`
  mutation relayOperationsConnectMutation($input: ConnectMarketoUsersInput!) {
    connectMarketoUsers(input: $input) {
      connectedCount
      results {
        __typename
        ... on UserItemResult {
          index
          user {
            id
            marketoAccess {
              status
              workspaces {
                id
                name
              }
            }
          }
        }
        ... on ErrorResult {
          code
          message
        }
      }
    }
  }
`;

export const nodeQuery = graphql`
  query relayOperationsNodeQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on TeamUser {
        name
        email
      }
      ... on MarketoWorkspace {
        name
      }
    }
  }
`;

export const helpArticleQuery = graphql`
  query relayOperationsHelpArticleQuery($locale: String!) {
    helpArticle(id: "grant-marketo-access-to-users", locale: $locale) {
      id
      topic
      locale
      title
    }
  }
`;

export const marketoConnectionQuery = graphql`
  query relayOperationsMarketoConnectionQuery {
    marketoConnection {
      id
      connected
      workspacesEnabled
    }
  }
`;

export const connectMarketoMutation = graphql`
  mutation relayOperationsConnectMarketoMutation($input: ConnectMarketoInput!) {
    connectMarketo(input: $input) {
      id
      connected
      workspacesEnabled
    }
  }
`;
