import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';

/** The messages of a failed operation: the server's localized ones, or ours when it could not be reached. */
export function errorMessages(error: CombinedError | undefined, t: TFunction): string[] {
  if (!error) return [];
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message);
  return [t('notices.networkError')];
}

/** The server's code for a failed operation (`extensions.code` of its first error), if it sent one. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
