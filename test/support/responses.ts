import type { GraphQLResponse } from './test-server';

/** The data of a response that must have no errors. */
export function ok<T = any>(response: GraphQLResponse<T>): T {
  if (response.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  expect(response.status).toBe(200);
  expect(response.data).toBeDefined();
  return response.data as T;
}

/** A whole-request error: no data, one error with its code and catalog key, and a message. */
export function expectRequestError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions).toMatchObject({ code, i18nKey: expect.stringMatching(/^errors:[A-Z_]+$/), ...extensions });
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}
