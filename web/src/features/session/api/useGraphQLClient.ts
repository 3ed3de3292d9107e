import { useMemo } from 'react';
import { cacheExchange, Client, fetchExchange } from 'urql';

/**
 * A GraphQL client for one session and one language: the server localizes its error messages from
 * Accept-Language, so a new language gets a new client (and every query runs again in it).
 */
function createClient(token: string | null, language: string): Client {
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

export function useGraphQLClient(token: string | null, language: string): Client {
  return useMemo(() => createClient(token, language), [token, language]);
}
