import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { negotiateLanguage } from '../../core/language';
import type { RequestContext } from '../../core/request-context';
import { fromGlobalId } from '../../graphql/global-id';
import { helpArticlesByLocalIds, loadHelpArticles } from './help-article';
import { summaryOf } from './help-sources';
import { HelpArticle, HelpArticleSummary } from './help.types';

@Resolver(() => HelpArticle)
export class HelpResolver {
  @Query(() => HelpArticle, {
    nullable: true,
    description: "A help article in a language (default: the request's Accept-Language, then English); null when no such topic.",
  })
  helpArticle(
    @Arg('id', () => ID, { description: 'The topic (then `locale` picks the language), or the global id of an article in one language.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => String, {
      nullable: true,
      description: "With a topic: the preferred language (BCP 47, falls back to its base language, then the request's Accept-Language, then English).",
    })
    locale?: string | null,
  ): HelpArticle | null {
    const global = fromGlobalId(id);
    if (global) return global.typeName === 'HelpArticle' ? helpArticlesByLocalIds([global.localId])[0] : null;
    const versions = loadHelpArticles().filter((article) => article.topic === id);
    if (versions.length === 0) return null;
    const language = negotiateLanguage(
      versions.map((article) => article.locale),
      locale,
      ctx.acceptLanguage,
    );
    return versions.find((version) => version.locale === language) ?? versions[0];
  }

  @Query(() => [HelpArticleSummary], { description: 'The help articles there are, in one language or (without locale) in all.' })
  helpArticles(
    @Arg('locale', () => String, { nullable: true, description: 'The language (BCP 47, falls back to its base language, then English); null: every language.' })
    locale?: string | null,
  ): HelpArticleSummary[] {
    const articles = loadHelpArticles();
    if (!locale) return articles.map(summaryOf);
    const languages = [...new Set(articles.map((article) => article.locale))];
    const language = negotiateLanguage(languages, locale);
    return articles.filter((article) => article.locale === language).map(summaryOf);
  }

  @FieldResolver(() => [HelpArticleSummary], { description: 'The same topic in the other languages: its translations and its variants.' })
  alternates(@Root() article: HelpArticle): HelpArticleSummary[] {
    return otherLanguages(article).map(summaryOf);
  }

  @FieldResolver(() => [HelpArticleSummary], {
    description: 'The same topic in the other languages translated from the same English article (the same exl-id).',
  })
  translations(@Root() article: HelpArticle): HelpArticleSummary[] {
    return otherLanguages(article)
      .filter((version) => version.exlId === article.exlId)
      .map(summaryOf);
  }

  @FieldResolver(() => [HelpArticleSummary], {
    description: 'The same topic in the other languages from another English article (another exl-id: another product, or an older revision).',
  })
  variants(@Root() article: HelpArticle): HelpArticleSummary[] {
    return otherLanguages(article)
      .filter((version) => version.exlId !== article.exlId)
      .map(summaryOf);
  }
}

function otherLanguages(article: HelpArticle): HelpArticle[] {
  return loadHelpArticles().filter((version) => version.topic === article.topic && version.locale !== article.locale);
}
