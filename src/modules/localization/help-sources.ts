import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A help article's source file as the localization check sees it (the help module parses it for serving). */
export interface HelpSource {
  topic: string;
  language: string;
  /** The whole file, line endings normalized: what the translation memory hashes. */
  text: string;
  /** The article without its front matter: what the glossary check reads. */
  body: string;
  exlId: string | undefined;
}

const ARTICLE_FILE = /^(.+)\.([a-z]{2,3}(?:-[A-Z]{2})?)\.md$/;
const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/** `locales/help/<topic>.<lng>.md`, by topic then language. */
export function loadHelpSources(localesDir: string): Map<string, Map<string, HelpSource>> {
  const dir = join(localesDir, 'help');
  const topics = new Map<string, Map<string, HelpSource>>();
  if (!existsSync(dir)) return topics;
  for (const file of readdirSync(dir).sort()) {
    const match = ARTICLE_FILE.exec(file);
    if (!match) continue;
    const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
    const frontMatter = FRONT_MATTER.exec(text)?.[0] ?? '';
    const source: HelpSource = {
      topic: match[1],
      language: match[2],
      text,
      body: text.slice(frontMatter.length),
      exlId: /^exl-id:\s*(\S+)/m.exec(frontMatter)?.[1],
    };
    topics.set(source.topic, (topics.get(source.topic) ?? new Map()).set(source.language, source));
  }
  return topics;
}
