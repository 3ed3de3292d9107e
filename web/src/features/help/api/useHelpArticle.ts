import { useQuery } from 'urql';
import { graphql } from '../../../gql';

/** The article the panel shows: "Grant Marketo Access to Users". */
const HELP_ARTICLE_ID = 'grant-marketo-access-to-users';

const HelpArticleQuery = graphql(`
  query HelpArticle($id: ID!, $locale: String!) {
    helpArticle(id: $id, locale: $locale) {
      id
      locale
      title
      html
      translation {
        machineTranslated
        variantProduct
        outdated
      }
    }
  }
`);

/** The help article asked for in `locale`; `article.locale` says which language the server answered in. */
export function useHelpArticle(locale: string) {
  const [{ data, error }] = useQuery({ query: HelpArticleQuery, variables: { id: HELP_ARTICLE_ID, locale } });
  return { article: data?.helpArticle ?? undefined, error };
}
