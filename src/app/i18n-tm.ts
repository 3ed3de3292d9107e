import { localesDir as defaultLocalesDir } from '../core/paths';
import { DEFAULT_LOCALE } from '../core/language';
import { loadHelpSources } from '../modules/localization/help-sources';
import { loadResources } from '../modules/localization/i18n';
import { keepKeys, pruneKeys, recordKeys, recordNewKeys } from '../modules/localization/memory-edits';
import { memorySubject } from '../modules/localization/memory-subject';
import { readTranslationMemory } from '../core/translation-memory-file';
import { saveTranslationMemory, type TranslationMemory } from '../modules/localization/translation-memory';

/**
 * `npm run i18n:tm -- <command>`: the translator's side of the translation memory (README, Localization).
 *   --record <lng> <key>…                      I translated (or checked) these against today's English
 *   --keep <lng> <key>… --note <why> --by <who> English changed, the translation stays right: a warning, no longer a failure
 *   --record-all-new [<lng>…]                  record keys that have no record yet (new keys), never stale ones
 *   --prune [<lng>…]                           drop records of keys English no longer has
 * There is no command to record every stale key at once on purpose: that would hide the changes a
 * translator has to look at.
 */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const localesDir = option('--locales') ?? defaultLocalesDir;
const note = option('--note');
const by = option('--by');
const [command, ...rest] = args;
const resources = loadResources(localesDir);
const help = loadHelpSources(localesDir);
const translations = Object.keys(resources).filter((lng) => lng !== DEFAULT_LOCALE);

function edit(language: string, change: (memory: TranslationMemory) => { memory: TranslationMemory; said: string }): void {
  if (!translations.includes(language)) throw new Error(`No catalogs for "${language}" (have: ${translations.join(', ')})`);
  const { memory, said } = change(readTranslationMemory(localesDir, language));
  saveTranslationMemory(localesDir, language, memory);
  console.log(`${language}: ${said}`);
}

function run(): void {
  const subject = (language: string) => memorySubject(resources, help, language);
  const languages = rest.length > 0 ? rest : translations;
  switch (command) {
    case '--record':
      return edit(rest[0], (memory) => ({ memory: recordKeys(memory, subject(rest[0]), rest.slice(1)), said: `recorded ${rest.slice(1).join(', ')}` }));
    case '--keep':
      if (!note || !by) throw new Error('--keep needs --note "<why the translation stays right>" and --by "<your name>"');
      return edit(rest[0], (memory) => ({
        memory: keepKeys(memory, subject(rest[0]), rest.slice(1), { note, by, at: new Date().toISOString().slice(0, 10) }),
        said: `kept ${rest.slice(1).join(', ')}`,
      }));
    case '--record-all-new':
      return languages.forEach((language) =>
        edit(language, (memory) => {
          const { memory: next, added } = recordNewKeys(memory, subject(language));
          return { memory: next, said: added.length === 0 ? 'no new key' : `recorded ${added.length} new: ${added.join(', ')}` };
        }),
      );
    case '--prune':
      return languages.forEach((language) =>
        edit(language, (memory) => {
          const { memory: next, removed } = pruneKeys(memory, subject(language));
          return { memory: next, said: removed.length === 0 ? 'nothing to prune' : `removed ${removed.join(', ')}` };
        }),
      );
    default:
      throw new Error(
        'Usage: npm run i18n:tm -- --record <lng> <key>… | --keep <lng> <key>… --note <why> --by <who> | --record-all-new [<lng>…] | --prune [<lng>…]',
      );
  }
}

try {
  run();
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exitCode = 1;
}
