import type { ConnectResult, DisconnectResult, InviteResult } from './operations';
import type { GraphQLResponse } from './test-server';

/** The data of a response that must have no errors. */
export function ok<T = any>(response: GraphQLResponse<T>): T {
  if (response.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  expect(response.status).toBe(200);
  expect(response.data).toBeDefined();
  return response.data as T;
}

/**
 * A refused field: its data null (root fields that can be refused are nullable, so `data` holds the field as null,
 * or is null when the request failed before execution), one error with its code and catalog key, and a message.
 */
export function expectRequestError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}) {
  expect(Object.values(response.data ?? {}).filter((value) => value !== null)).toEqual([]);
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions).toMatchObject({ code, i18nKey: expect.stringMatching(/^errors:[a-z]+\.[A-Z_]+$/), ...extensions });
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

/**
 * The response without its bucket's level (`extensions.cost.throttleStatus.currentlyAvailable`), which
 * every call moves: for comparing two answers to the same question.
 */
export function withoutBucketLevel<R extends GraphQLResponse>(response: R): R {
  const cost = response.extensions?.cost;
  if (!cost) return response;
  const { currentlyAvailable: _level, ...throttleStatus } = cost.throttleStatus;
  return { ...response, extensions: { ...response.extensions, cost: { ...cost, throttleStatus } } };
}

/** A per-item result as the kind named, failing with the whole result when it is another kind. */
export function ofKind<R extends { __typename: string }, K extends R['__typename']>(result: R, kind: K): Extract<R, { __typename: K }> {
  if (result.__typename !== kind) throw new Error(`expected a ${kind} result, got ${JSON.stringify(result)}`);
  return result as Extract<R, { __typename: K }>;
}

/** The grant of a MarketoAccessGranted result. */
export const granted = (result: ConnectResult) => ofKind(result, 'MarketoAccessGranted').grant;

/** The user of a UserInvited result. */
export const invited = (result: InviteResult) => ofKind(result, 'UserInvited').user;

/** Each per-item result's error code, or its kind when it is not an error. */
export const kinds = (results: (ConnectResult | DisconnectResult | InviteResult)[]): string[] =>
  results.map((result) => ('code' in result ? result.code : result.__typename));
