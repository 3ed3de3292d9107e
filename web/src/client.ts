import { cacheExchange, Client, CombinedError, fetchExchange } from 'urql';
import type { TFunction } from 'i18next';

/**
 * A GraphQL client for one session and one language: the server localizes its error messages from
 * Accept-Language, so a new language gets a new client (and every query runs again in it).
 */
export function createClient(token: string | null, language: string): Client {
  const headers: Record<string, string> = { 'accept-language': language };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // POST for everything: Apollo Server's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: { headers },
  });
}

/** The messages of a failed operation: the server's localized ones, or ours when it could not be reached. */
export function errorMessages(error: CombinedError | undefined, t: TFunction): string[] {
  if (!error) return [];
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message);
  return [t('notices.networkError')];
}

export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A fresh idempotency key per click; crypto.randomUUID exists only in secure contexts (https, localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "a, b and c" in the page's language. */
export function formatList(items: string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}
