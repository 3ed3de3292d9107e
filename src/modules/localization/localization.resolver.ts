import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '../../core/app-error';
import { BadInputReason } from '../../core/error-codes';
import { negotiateLanguage } from '../../core/language';
import { localesDir, projectRoot } from '../../core/paths';
import type { RequestContext } from '../../core/request-context';
import type { Catalog } from './catalog';
import { loadResources } from './i18n';
import { projectSources } from './key-usage';
import { LocaleProblemType, toLocaleProblem } from './locale-problem.types';
import { buildReport, type LanguageReport } from './localization-report';

@ObjectType('Locale', { description: 'A language the UI strings and help articles are served in.' })
export class LocaleType {
  @Field({ description: 'BCP 47 code, for example "sv".' })
  code: string;

  @Field({ description: 'The language named in itself, for example "svenska".' })
  nativeName: string;

  @Field(() => Float, { description: "Percentage of the English catalogs' keys this language has." })
  completeness: number;

  @Field(() => [String], {
    description: 'Keys ("ui:actions.connect", "help:<topic>") whose English changed since they were translated, by the translation memory; empty for English.',
  })
  staleKeys: string[];

  @Field(() => [String], { description: 'Keys missing, empty, or equal to English without the glossary allowing it; empty for English.' })
  untranslatedKeys: string[];

  @Field(() => [LocaleProblemType], {
    description:
      "What `npm run i18n:check` finds about this language when the server started (catalogs change only on deploy). English's list holds the keys the code uses but English lacks, and the keys no code uses. Empty for a language made at start-up (the pseudo-locale).",
  })
  problems: LocaleProblemType[];
}

@ObjectType('Translations', { description: 'The UI strings of one language, ready to load into i18next.' })
export class TranslationsType {
  @Field({ description: 'The language served: the requested one, its base language (sv-SE → sv), or "en".' })
  locale: string;

  @Field(() => GraphQLJSONObject, { description: 'The catalogs by namespace, as i18next resources.' })
  bundles: Record<string, unknown>;
}

// One report per process (a test run starts many servers): locales/ and the sources do not change while it runs.
const reports = new WeakMap<ReadonlySet<string>, Map<string, LanguageReport>>();
function reportOnce(errorKeysInUse: ReadonlySet<string>): Map<string, LanguageReport> {
  let byLanguage = reports.get(errorKeysInUse);
  if (!byLanguage) {
    const report = buildReport({ localesDir, resources: loadResources(localesDir), errorKeysInUse, sources: projectSources(projectRoot) });
    reports.set(errorKeysInUse, (byLanguage = new Map(report.map((language) => [language.language, language]))));
  }
  return byLanguage;
}

@Resolver()
export class LocalizationResolver {
  /** The check's report, made once: the catalogs of locales/ only change on deploy. */
  private readonly reports: Map<string, LanguageReport>;

  /** @param errorKeysInUse every `errors` key the code can ask for (the composition root's ERROR_KEYS_IN_USE). */
  constructor(
    private readonly catalog: Catalog,
    errorKeysInUse: ReadonlySet<string>,
  ) {
    this.reports = reportOnce(errorKeysInUse);
  }

  @Query(() => [LocaleType], { description: 'The languages the UI strings are served in, English included.' })
  locales(): LocaleType[] {
    return this.catalog.languages.map((code) => {
      const report = this.reports.get(code);
      return {
        code,
        nativeName: new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code,
        completeness: this.catalog.completeness(code),
        staleKeys: report?.staleKeys ?? [],
        untranslatedKeys: report?.untranslatedKeys ?? [],
        problems: (report?.findings ?? []).map(toLocaleProblem),
      };
    });
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
