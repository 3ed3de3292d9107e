import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { HelpTranslationRelation } from './help-translation-relation';

export { HelpTranslationRelation };

/** The types of a help article: what the parser produces and what the schema serves, one class each. */
@ObjectType('HelpCallout', { description: 'A CAUTION or NOTE block, where it stands in the article.' })
export class HelpCallout {
  @Field({ description: 'CAUTION, NOTE, …' })
  kind: string;

  @Field({ description: 'The text of the callout, as plain text (without the CAUTION/NOTE marker).' })
  text: string;

  @Field({ description: '"intro", or the step it stands in, such as "step 3".' })
  position: string;
}

@ObjectType('HelpLink', { description: 'A link of the article to another help article or page.' })
export class HelpLink {
  @Field({ description: 'The link text, as plain text.' })
  text: string;

  @Field({ description: 'As in the source: a path to another help article.' })
  href: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the link leads on the web: a path of the documentation repository (/help/marketo/….md) as its Experience League page, in the article's language; a web address as is; null when it resolves to neither.",
  })
  url: string | null;
}

@ObjectType('HelpStep', { description: "A numbered step of the article's procedure." })
export class HelpStep {
  @Field(() => Int, { description: 'The step number, from 1, in document order.' })
  number: number;

  @Field({ description: 'The first paragraph of the step, as plain text.' })
  text: string;

  @Field(() => [String], { description: 'The paragraphs that follow it.' })
  details: string[];

  @Field({ description: 'Whether the step has an optional part ("OPTIONAL STEP").' })
  optional: boolean;

  @Field(() => String, { nullable: true, description: 'The label of the optional part, such as "OPTIONAL STEP"; null when the step has none.' })
  optionalLabel: string | null;

  @Field(() => String, { nullable: true, description: 'The text of the optional part, without its label; null when the step has none.' })
  optionalText: string | null;

  @Field(() => [HelpCallout], { description: 'The callouts inside this step, in order.' })
  notes: HelpCallout[];

  @Field(() => [String], { description: 'Screenshot paths (assets/…), in order.' })
  screenshots: string[];

  @Field(() => [String], { description: 'The UI labels the step names.' })
  uiLabels: string[];
}

@ObjectType('HelpArticleSummary', { description: 'A help article in one language, without its content.' })
export class HelpArticleSummary {
  @Field(() => ID, { description: 'The global id of the article in this language (one per topic and locale): `node(id:)` and `helpArticle(id:)` answer it.' })
  id: string;

  @Field(() => ID, { description: 'The topic, the same in every language: `helpArticle(id:)` takes it, with a locale.' })
  topic: string;

  @Field({ description: 'The language of this version, a BCP 47 code such as "en" or "sv".' })
  locale: string;

  @Field({ description: "Experience League's id of this article." })
  exlId: string;

  @Field({ description: 'The title, as plain text, in this language.' })
  title: string;

  @Field({ description: 'A one-sentence summary, as plain text, in this language.' })
  description: string;
}

registerEnumType(HelpTranslationRelation, {
  name: 'HelpTranslationRelation',
  description: "How a translated article relates to its topic's English article.",
  valuesConfig: {
    TRANSLATION: { description: 'A translation of the same English article (the same exl-id).' },
    VARIANT: { description: 'A translation of another English article (its own exl-id): another product, or an older revision of the topic.' },
  },
});

@ObjectType('HelpTranslation', { description: 'Where a translation comes from, and whether it is still current.' })
export class HelpTranslation {
  @Field({ description: 'The commit of the English source the translation was made from.' })
  sourceGitCommit: string;

  @Field({ description: 'tm+mt: translation memory plus machine translation.' })
  workflowType: string;

  @Field(() => Int, { nullable: true, description: 'Words in the English source; null when the source does not say.' })
  sourceWordcount: number | null;

  @Field(() => String, { nullable: true, description: 'How much of it a human translated, such as "0%" (machine only); null when the source does not say.' })
  htDegree: string | null;
  @Field(() => Int, { nullable: true, description: 'htDegree as a number (0 to 100); null when the source does not say.' })
  humanTranslatedPercent: number | null;

  @Field({ description: 'Machine translated with no human translation: workflow "…mt" and ht-degree 0% (or none recorded).' })
  machineTranslated: boolean;

  @Field({ description: "Experience League's id of the English article it was translated from (a translation keeps its source's exl-id)." })
  sourceExlId: string;

  @Field(() => HelpArticleSummary, {
    nullable: true,
    description: 'That English article, when it is served here; null when it is not (a variant whose source was replaced).',
  })
  source: HelpArticleSummary | null;

  @Field(() => HelpTranslationRelation, { description: "How it relates to the topic's English article: a translation of it, or a variant." })
  relation: HelpTranslationRelation;

  @Field(() => String, {
    nullable: true,
    description: "For a variant about another product (its feature differs from the English article's): that product; else null.",
  })
  variantProduct: string | null;

  @Field({
    description:
      "Its source is an earlier article that the topic's English article replaced (`olderRevisionOf` of its entry help:<topic> in locales/translation-memory/<lng>.json).",
  })
  olderRevision: boolean;

  @Field({
    description:
      "Does not match today's English article: its translation-memory entry (help:<topic> in locales/translation-memory/<lng>.json) is missing, or records neither the English article's contentHash as its source nor a translator's decision that reviewed it; or it is a variant of an older revision.",
  })
  outdated: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The contentHash of the English article the translation was made from or compared with, as its translation memory records it (help:<topic> in locales/translation-memory/<lng>.json); null when nothing is recorded.',
  })
  recordedSourceHash: string | null;
}

// Its id is a plain property (computed when parsed), the same value the Node interface's resolver would give.
@ObjectType('HelpArticle', { description: 'A help article, structured from its Experience League source.', implements: Node })
export class HelpArticle extends HelpArticleSummary {
  @Field(() => String, { nullable: true, description: 'The product feature the article is about, as its source names it; null when it names none.' })
  feature: string | null;

  @Field(() => HelpTranslation, { nullable: true, description: 'Where the translation comes from; null for the English original.' })
  translation: HelpTranslation | null;

  @Field({
    description:
      "The content hash of the article's source file (sha256 of its NFC text with LF line endings, first 12 hex digits): what the translation memory (locales/translation-memory/<lng>.json) records for each translation to tell whether it is still current.",
  })
  contentHash: string;

  @Field({ description: 'Hidden from the table of contents: reachable by link only, not listed in menus.' })
  hidden: boolean;

  @Field(() => String, { nullable: true, description: 'The heading anchor ({#…}).' })
  anchor: string | null;

  @Field(() => [String], { description: 'Paragraphs before the steps.' })
  intro: string[];

  @Field(() => [HelpStep], { description: 'The numbered steps, in order; empty when the article has no procedure.' })
  steps: HelpStep[];

  @Field(() => [HelpCallout], { description: 'Every callout, in document order.' })
  callouts: HelpCallout[];

  @Field(() => [String], { description: 'Paragraphs after the steps.' })
  closing: string[];

  @Field(() => [HelpLink], { description: 'Every link of the article, in document order.' })
  links: HelpLink[];

  @Field(() => [String], { description: 'Names kept untranslated ([!DNL …]).' })
  dnlNames: string[];

  @Field(() => [String], { description: 'Every UI label the article names.' })
  uiLabels: string[];

  @Field({ description: 'The cleaned Markdown source, without frontmatter.' })
  markdown: string;

  @Field({ description: 'Rendered HTML; raw HTML in the source is never passed through.' })
  html: string;

  /** What stands before the steps, in order (paragraphs and callouts); not in the schema, the page renders `html`. */
  introBlocks: HelpBlock[];

  // alternates, translations and variants are field resolvers (help.resolver.ts)
}

/** A block of an article's introduction: a paragraph, or a callout (position "intro"). */
export type HelpBlock = { type: 'paragraph'; text: string } | ({ type: 'callout' } & HelpCallout);
