import type { ResultOf } from '@graphql-typed-document-node/core';
import type { CombinedError } from 'urql';
import { graphql } from '../../../gql';
import type { ItemErrorCode } from '../../../gql/graphql';

/** A per-user result of connect/disconnect: its kind, the user, and for an error its code and message variables. */
export const UserResultFragment = graphql(`
  fragment UserResult on UserItemResult {
    __typename
    userId
    ... on ErrorResult {
      code
      i18nKey
      i18nParams
      message
    }
  }
`);

type UserResult = ResultOf<typeof UserResultFragment>;

// An error is kept as its catalog key and variables, so that it reads in whatever language the page switches to;
// `message` (the server's, in the request's language) is for a key this build's catalogs do not have yet.
export type RowResult =
  { kind: 'granted' | 'unchanged' | 'revoked' } | { kind: 'error'; code: ItemErrorCode; i18nKey: string; params: Record<string, unknown>; message: string };

/** The counts of one Connect or Disconnect. */
export type ActionSummary =
  { action: 'connect'; connected: number; unchanged: number; errors: number } | { action: 'disconnect'; disconnected: number; errors: number };

/** What came of Connect or Disconnect: each user's result and the counts, or the error that stopped it all (not ready, not allowed, unreachable). */
export type AccessActionOutcome =
  { ok: true; rowResults: [userId: string, result: RowResult][]; summary: ActionSummary } | { ok: false; error: CombinedError | undefined };

const SUCCESS_KINDS = { MarketoAccessGranted: 'granted', MarketoAccessUnchanged: 'unchanged', MarketoAccessRevoked: 'revoked' } as const;

export function rowResultsOf(items: UserResult[]): [userId: string, result: RowResult][] {
  return items.map((item) => [
    item.userId,
    item.__typename === 'UserAccessError'
      ? { kind: 'error', code: item.code, i18nKey: item.i18nKey, params: item.i18nParams, message: item.message }
      : { kind: SUCCESS_KINDS[item.__typename] },
  ]);
}
