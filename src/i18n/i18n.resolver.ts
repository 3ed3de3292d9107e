import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { badInput } from '../errors/app-error';
import { BadInputReason } from '../errors/error-codes';
import { negotiateLanguage } from './negotiate';

@ObjectType('Locale', { description: 'A language the UI strings and help articles are served in.' })
export class LocaleType {
  @Field({ description: 'BCP 47 code, for example "sv".' })
  code: string;

  @Field({ description: 'The language named in itself, for example "svenska".' })
  nativeName: string;

  @Field(() => Float, { description: "Percentage of the English catalogs' keys this language has." })
  completeness: number;
}

@ObjectType('Translations')
export class TranslationsType {
  @Field({ description: 'The language served: the requested one, its base language (sv-SE → sv), or "en".' })
  locale: string;

  @Field(() => GraphQLJSONObject, { description: 'The catalogs by namespace, as i18next resources.' })
  bundles: Record<string, unknown>;
}

@Resolver()
export class I18nResolver {
  @Query(() => [LocaleType])
  locales(@Ctx() ctx: RequestContext): LocaleType[] {
    return ctx.catalog.languages.map((code) => ({
      code,
      nativeName: new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code,
      completeness: ctx.catalog.completeness(code),
    }));
  }

  @Query(() => TranslationsType, { description: 'UI strings for a language (default: the request\'s Accept-Language, then English).' })
  translations(
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
    @Arg('namespaces', () => [String], { nullable: true, description: 'Default: all.' }) namespaces?: string[] | null,
  ): TranslationsType {
    const language = negotiateLanguage(ctx.catalog.languages, locale, ctx.acceptLanguage);
    const wanted = namespaces ?? ctx.catalog.namespaces;
    const unknown = wanted.filter((ns) => !ctx.catalog.namespaces.includes(ns));
    if (unknown.length > 0) throw badInput(BadInputReason.INVALID_INPUT, { details: `namespaces: ${unknown.join(', ')}` });
    return { locale: language, bundles: Object.fromEntries(wanted.map((ns) => [ns, ctx.catalog.content(language, ns) ?? {}])) };
  }
}
