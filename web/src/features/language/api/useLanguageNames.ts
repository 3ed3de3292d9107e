import { useQuery } from 'urql';
import { graphql } from '../../../gql';

const LocalesQuery = graphql(`
  query Locales {
    locales {
      code
      nativeName
    }
  }
`);

/** Each language's name in itself (Svenska, Français), from the server; empty until it answers. */
export function useLanguageNames(): ReadonlyMap<string, string> {
  const [{ data }] = useQuery({ query: LocalesQuery });
  return new Map(data?.locales.map((locale) => [locale.code, locale.nativeName]));
}
