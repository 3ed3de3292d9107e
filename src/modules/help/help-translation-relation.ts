/**
 * How a translated article relates to its topic's English article. Its own file, free of decorators,
 * so that the parser (help-sources.ts) loads without type-graphql; help.types.ts registers it.
 */
export enum HelpTranslationRelation {
  TRANSLATION = 'TRANSLATION',
  VARIANT = 'VARIANT',
}
