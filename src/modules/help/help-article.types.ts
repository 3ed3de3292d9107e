/** A help article as parsed from its Experience League source. */
export interface HelpArticle {
  /** The topic: the same in every language (file name without locale). */
  id: string;
  locale: string;
  exlId: string;
  title: string;
  description: string;
  feature: string | null;
  /** Set on machine translations: their source commit, workflow (tm+mt) and word count. */
  translation: { sourceGitCommit: string; workflowType: string; sourceWordcount: number | null; htDegree: string | null } | null;
  hidden: boolean;
  anchor: string | null;
  /** The paragraphs before the steps, as text. */
  intro: string[];
  /** What stands before the steps, in order: paragraphs and callouts. */
  introBlocks: HelpBlock[];
  steps: HelpStep[];
  callouts: HelpCallout[];
  closing: string[];
  links: HelpLink[];
  dnlNames: string[];
  uiLabels: string[];
  markdown: string;
  html: string;
}

export interface HelpStep {
  number: number;
  text: string;
  /** Further paragraphs of the step, after its first. */
  details: string[];
  optional: boolean;
  /** The bold label that marks the optional part ("OPTIONAL STEP", "VALFRITT STEG"). */
  optionalLabel: string | null;
  optionalText: string | null;
  notes: HelpCallout[];
  screenshots: string[];
  uiLabels: string[];
}

export interface HelpCallout {
  kind: string;
  text: string;
  /** "intro", or the step it stands in ("step 3"). */
  position: string;
}

export interface HelpLink {
  text: string;
  href: string;
}

/** A block of an article's introduction: a paragraph, or a callout (position "intro"). */
export type HelpBlock = { type: 'paragraph'; text: string } | ({ type: 'callout' } & HelpCallout);
