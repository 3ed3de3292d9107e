import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';

/** The types of a help article: what the parser produces and what the schema serves, one class each. */
@ObjectType('HelpCallout', { description: 'A CAUTION or NOTE block, where it stands in the article.' })
export class HelpCallout {
  @Field({ description: 'CAUTION, NOTE, …' })
  kind: string;

  @Field()
  text: string;

  @Field({ description: '"intro", or the step it stands in, such as "step 3".' })
  position: string;
}

@ObjectType('HelpLink')
export class HelpLink {
  @Field()
  text: string;

  @Field({ description: 'As in the source: a path to another help article.' })
  href: string;
}

@ObjectType('HelpStep')
export class HelpStep {
  @Field(() => Int)
  number: number;

  @Field({ description: 'The first paragraph of the step, as plain text.' })
  text: string;

  @Field(() => [String], { description: 'The paragraphs that follow it.' })
  details: string[];

  @Field({ description: 'Whether the step has an optional part ("OPTIONAL STEP").' })
  optional: boolean;

  @Field(() => String, { nullable: true })
  optionalLabel: string | null;

  @Field(() => String, { nullable: true })
  optionalText: string | null;

  @Field(() => [HelpCallout])
  notes: HelpCallout[];

  @Field(() => [String], { description: 'Screenshot paths (assets/…), in order.' })
  screenshots: string[];

  @Field(() => [String], { description: 'The UI labels the step names.' })
  uiLabels: string[];
}

@ObjectType('HelpTranslation', { description: 'Where a machine translation comes from.' })
export class HelpTranslation {
  @Field()
  sourceGitCommit: string;

  @Field({ description: 'tm+mt: translation memory plus machine translation.' })
  workflowType: string;

  @Field(() => Int, { nullable: true })
  sourceWordcount: number | null;

  @Field(() => String, { nullable: true })
  htDegree: string | null;
}

@ObjectType('HelpArticleSummary', { description: 'A help article in one language, without its content.' })
export class HelpArticleSummary {
  @Field(() => ID, { description: 'The global id of the article in this language (one per topic and locale): `node(id:)` and `helpArticle(id:)` answer it.' })
  id: string;

  @Field(() => ID, { description: 'The topic, the same in every language: `helpArticle(id:)` takes it, with a locale.' })
  topic: string;

  @Field()
  locale: string;

  @Field({ description: "Experience League's id of this article." })
  exlId: string;

  @Field()
  title: string;

  @Field()
  description: string;
}

// Its id is a plain property (computed when parsed), the same value the Node interface's resolver would give.
@ObjectType('HelpArticle', { description: 'A help article, structured from its Experience League source.', implements: Node })
export class HelpArticle extends HelpArticleSummary {
  @Field(() => String, { nullable: true })
  feature: string | null;

  @Field(() => HelpTranslation, { nullable: true })
  translation: HelpTranslation | null;

  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true, description: 'The heading anchor ({#…}).' })
  anchor: string | null;

  @Field(() => [String], { description: 'Paragraphs before the steps.' })
  intro: string[];

  @Field(() => [HelpStep])
  steps: HelpStep[];

  @Field(() => [HelpCallout], { description: 'Every callout, in document order.' })
  callouts: HelpCallout[];

  @Field(() => [String], { description: 'Paragraphs after the steps.' })
  closing: string[];

  @Field(() => [HelpLink])
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

  // alternates is a field resolver (help.resolver.ts)
}

/** A block of an article's introduction: a paragraph, or a callout (position "intro"). */
export type HelpBlock = { type: 'paragraph'; text: string } | ({ type: 'callout' } & HelpCallout);
