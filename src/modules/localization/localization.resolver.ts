import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '../../core/app-error';
import { BadInputReason } from '../../core/error-codes';
import { negotiateLanguage } from '../../core/language';
import type { RequestContext } from '../../core/request-context';
import type { Catalog } from './catalog';

@ObjectType('Locale', { description: 'A language the UI strings and help articles are served in.' })
export class LocaleType {
  @Field({ description: 'BCP 47 code, for example "sv".' })
  code: string;

  @Field({ description: 'The language named in itself, for example "svenska".' })
  nativeName: string;

  @Field(() => Float, { description: "Percentage of the English catalogs' keys this language has." })
  completeness: number;
}

@ObjectType('Translations', { description: 'The UI strings of one language, ready to load into i18next.' })
export class TranslationsType {
  @Field({ description: 'The language served: the requested one, its base language (sv-SE → sv), or "en".' })
  locale: string;

  @Field(() => GraphQLJSONObject, { description: 'The catalogs by namespace, as i18next resources.' })
  bundles: Record<string, unknown>;
}

@Resolver()
export class LocalizationResolver {
  constructor(private readonly catalog: Catalog) {}

  @Query(() => [LocaleType], { description: 'The languages the UI strings are served in, English included.' })
  locales(): LocaleType[] {
    return this.catalog.languages.map((code) => ({
      code,
      nativeName: new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code,
      completeness: this.catalog.completeness(code),
    }));
  }

  @Query(() => TranslationsType, { description: "UI strings for a language (default: the request's Accept-Language, then English)." })
  translations(
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => String, { nullable: true, description: "The wanted language (BCP 47); null: the request's Accept-Language." }) locale?: string | null,
    @Arg('namespaces', () => [String], { nullable: true, description: 'Default: all.' }) namespaces?: string[] | null,
  ): TranslationsType {
    const language = negotiateLanguage(this.catalog.languages, locale, ctx.acceptLanguage);
    const wanted = namespaces ?? this.catalog.namespaces;
    const unknown = wanted.filter((ns) => !this.catalog.namespaces.includes(ns));
    if (unknown.length > 0) throw badInput(BadInputReason.INVALID_INPUT, { details: `namespaces: ${unknown.join(', ')}` });
    return { locale: language, bundles: Object.fromEntries(wanted.map((ns) => [ns, this.catalog.content(language, ns) ?? {}])) };
  }
}
