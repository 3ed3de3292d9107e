import { loadGlossary } from '../../src/modules/localization/glossary';
import { localesDir } from '../../src/core/paths';
import { articlePairs, catalogPairs, glossaryFindings } from '../../src/modules/localization/glossary-check';
import { loadHelpSources } from '../../src/modules/localization/help-sources';
import { identicalFindings } from '../../src/modules/localization/identical-check';
import { checkCatalogs } from '../../src/modules/localization/catalog-check';

const glossary = loadGlossary(localesDir);
const messages = (language: string, english: Record<string, string>, translated: Record<string, string>) => {
  const pairs = catalogPairs({ en: { ui: english }, [language]: { ui: translated } }, language);
  return [...glossaryFindings(glossary, language, pairs), ...identicalFindings(glossary, language, pairs)].map((finding) => finding.message);
};

describe('the glossary (locales/glossary.json) on catalogs', () => {
  it("requires the language's term where English uses one, accepting its inflected and compound forms", () => {
    const english = { a: 'Select workspaces', b: 'Default Marketo workspace', c: 'Disconnect the user first.', d: 'Open Team Management.' };
    expect(
      messages('sv', english, { a: 'Välj arbetsytor', b: 'Marketo standardarbetsyta', c: 'Koppla från användaren först.', d: 'Öppna Teamhanteringen.' }),
    ).toEqual([]);
    expect(
      messages('fr', english, {
        a: 'Choisir des espaces de travail',
        b: 'Espace de travail Marketo par défaut',
        c: 'Déconnectez d’abord l’utilisateur.',
        d: 'Ouvrez Gestion des équipes.',
      }),
    ).toEqual([]);
    expect(messages('sv', english, { a: 'Välj ytor', b: 'Marketo standardyta', c: 'Ta bort användaren först.', d: 'Öppna teamsidan.' })).toEqual([
      'sv: "ui:a" says "workspace (the concept)" in English but not "arbetsyta" (or arbetsytan, arbetsytor, arbetsytorna, arbetsyte)',
      'sv: "ui:b" says "workspace (the concept)" in English but not "arbetsyta" (or arbetsytan, arbetsytor, arbetsytorna, arbetsyte)',
      'sv: "ui:b" says "Default Marketo workspace" in English but not "Marketo standardarbetsyta" (or no other form)',
      'sv: "ui:c" says "disconnect" in English but not "koppla från" (or kopplas från, frånkopplad, frånkopplade, kopplade från, kopplad från)',
      'sv: "ui:d" says "Team Management (page)" in English but not "Teamhantering" (or Teamhanteringen)',
    ]);
  });

  it('reads French apostrophes alike (’ or \'), and does not take "connecter" inside "déconnecter" for the Connect button', () => {
    expect(messages('fr', { a: 'Team Access' }, { a: "Accès d'équipe" })).toEqual([]);
    expect(messages('fr', { a: 'Click Connect, then Disconnect.' }, { a: 'Cliquez sur Déconnecter.' })).toEqual([
      'fr: "ui:a" says "Connect (button)" in English but not "Se connecter" (or connecter, connectez)',
    ]);
  });

  it('keeps brand names as they are, and knows the label key of the Workspace drop-down', () => {
    expect(messages('sv', { a: 'Connect with Marketo' }, { a: 'Anslut till Markéto' })).toEqual(['sv: "ui:a" must keep the name "Marketo" as it is']);
    expect(messages('fr', { 'workspace.dropdown': 'Workspace' }, { 'workspace.dropdown': 'Espace de travail' })).toEqual([
      'fr: "ui:workspace.dropdown" says "Workspace (drop-down label): wherever English names the drop-down, and its label key" in English but not "Workspace" (or no other form)',
    ]);
  });

  it('flags a value identical to English unless the glossary allows it: brand names, terms kept in English on purpose, language-neutral strings, per-key notes', () => {
    expect(
      messages(
        'sv',
        { a: 'Sign out', b: 'Team Access', c: 'Marketo', d: 'sam@acme.example', 'status.label': 'Status' },
        {
          a: 'Sign out',
          b: 'Team Access',
          c: 'Marketo',
          d: 'sam@acme.example',
          'status.label': 'Status',
        },
      ),
    ).toEqual(['sv: "ui:a" is the same as English ("Sign out"): translate it, or allow it in locales/glossary.json with a note']);
    expect(messages('fr', { b: 'Team Access' }, { b: 'Team Access' })).toEqual([
      'fr: "ui:b" says "Team Access (page)" in English but not "Accès d’équipe" (or no other form)',
      'fr: "ui:b" is the same as English ("Team Access"): translate it, or allow it in locales/glossary.json with a note',
    ]);
  });
});

describe('the glossary on the help articles', () => {
  const help = loadHelpSources(localesDir);

  it('holds today: the Swedish article uses the Swedish terms, the French variant its own (documented exceptions aside)', () => {
    for (const language of ['sv', 'fr']) expect(glossaryFindings(glossary, language, articlePairs(help, language))).toEqual([]);
  });

  it('finds a translated article that stops using a term the English article uses', () => {
    const sv = help.get('grant-marketo-access-to-users')!.get('sv')!;
    const edited = new Map([
      [
        'grant-marketo-access-to-users',
        new Map([...help.get('grant-marketo-access-to-users')!, ['sv', { ...sv, body: sv.body.replace(/Teamhantering/g, 'Teamsidan') }]]),
      ],
    ]);
    expect(glossaryFindings(glossary, 'sv', articlePairs(edited, 'sv')).map((finding) => finding.message)).toEqual([
      'sv: "help:grant-marketo-access-to-users" says "Team Management (page)" in English but not "Teamhantering" (or Teamhanteringen)',
    ]);
  });
});

describe('Swedish typography', () => {
  it('wants no space before : ; ! ?, ”…” quotation marks and an en dash in number ranges; leaves ids, times and variables alone', () => {
    const english = { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x' };
    const sv = {
      a: 'Tid kvar : 9:05',
      b: 'Namnet "{{name}}" finns redan',
      c: 'Välj 1-50 användare',
      d: 'Namnet ”{{name}}” finns redan; välj 1–50 användare!',
      e: 'Id 0efb3e85-cc75-4810 och {{minutes, number}}:{{seconds, number(minimumIntegerDigits: 2)}}',
      f: 'Namnet “{{name}}”',
    };
    const problems = checkCatalogs({ en: { ui: english }, sv: { ui: sv } }, new Set()).filter((problem) => !/ has variables /.test(problem));
    expect(problems).toEqual([
      'sv/ui: "a" has a space before ":", ";", "!" or "?" (Swedish writes none)',
      'sv/ui: "b" needs Swedish quotation marks ”…” (not “…”, «…» or "…")',
      'sv/ui: "c" needs an en dash (–) in a range of numbers, not a hyphen',
      'sv/ui: "f" needs Swedish quotation marks ”…” (not “…”, «…» or "…")',
    ]);
  });
});
