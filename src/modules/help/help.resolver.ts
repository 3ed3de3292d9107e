import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { negotiateLanguage } from '../../core/language';
import type { RequestContext } from '../../core/request-context';
import { loadHelpArticles } from './help-article';
import type { HelpArticle } from './help-article.types';
import { HelpArticleSummaryType, HelpArticleType } from './help.types';

const summary = ({ id, locale, exlId, title, description }: HelpArticle): HelpArticleSummaryType => ({ id, locale, exlId, title, description });

@Resolver()
export class HelpResolver {
  @Query(() => HelpArticleType, {
    nullable: true,
    description: "A help article in a language (default: the request's Accept-Language, then English); null when no such topic.",
  })
  helpArticle(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
  ): HelpArticleType | null {
    const versions = loadHelpArticles().filter((article) => article.id === id);
    if (versions.length === 0) return null;
    const language = negotiateLanguage(versions.map((article) => article.locale), locale, ctx.acceptLanguage);
    const article = versions.find((version) => version.locale === language) ?? versions[0];
    return { ...article, alternates: versions.filter((version) => version !== article).map(summary) };
  }

  @Query(() => [HelpArticleSummaryType], { description: 'The help articles there are, in one language or (without locale) in all.' })
  helpArticles(@Arg('locale', () => String, { nullable: true }) locale?: string | null): HelpArticleSummaryType[] {
    const articles = loadHelpArticles();
    if (!locale) return articles.map(summary);
    const languages = [...new Set(articles.map((article) => article.locale))];
    const language = negotiateLanguage(languages, locale);
    return articles.filter((article) => article.locale === language).map(summary);
  }
}
