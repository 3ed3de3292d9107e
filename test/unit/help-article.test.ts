import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { projectRoot } from '../../src/core/paths';
import { loadHelpArticles, parseHelpArticle } from '../../src/modules/help/help-article';
import { repairMojibake } from '../../src/modules/help/mojibake';
import { flatten } from '../../src/modules/localization/catalog-check';
import { loadResources } from '../../src/modules/localization/i18n';

/**
 * The source documents, verbatim (test/fixtures/seeds is a byte-for-byte copy of shared/seeds), read
 * line by line: an oracle independent of the parser.
 */
const seedsDir = join(projectRoot, 'test', 'fixtures', 'seeds');
const sharedSeedsDir = join(projectRoot, '..', 'shared', 'seeds');
const seeds = Object.fromEntries(
  readdirSync(seedsDir).map((file) => {
    const text = readFileSync(join(seedsDir, file), 'utf8');
    const locale = { '000': 'en', '001': 'sv', '002': 'fr' }[file.slice(0, 3)]!;
    const frontmatter = loadYaml(text.split('\n---')[0].replace(/^---\n/, '')) as Record<string, string>;
    const lines = text.split('\n');
    return [
      locale,
      {
        frontmatter,
        steps: lines.filter((line) => /^1\. /.test(line)).length,
        callouts: lines.filter((line) => /^\s*>\[!(CAUTION|NOTE)\]/.test(line)).map((line) => line.trim().slice(3, -1)),
        links: [...text.matchAll(/\]\((\/help\/[^)]+)\)/g)].map((match) => match[1]),
        screenshots: [...text.matchAll(/!\[\]\((assets\/[^)]+)\)/g)].map((match) => match[1]),
      },
    ];
  }),
);

const served = loadHelpArticles();
const article = (locale: string) => served.find((a) => a.locale === locale)!;

describe('help articles, held against their source documents', () => {
  const sharedSeeds = existsSync(sharedSeedsDir) ? readdirSync(sharedSeedsDir) : [];
  (sharedSeeds.length > 0 ? it : it.skip)('fixtures are the shared seeds, byte for byte', () => {
    expect(readdirSync(seedsDir).sort()).toEqual([...sharedSeeds].sort());
    for (const file of sharedSeeds) expect(readFileSync(join(seedsDir, file))).toEqual(readFileSync(join(sharedSeedsDir, file)));
  });

  it.each(['en', 'sv', 'fr'])('%s: same title, exl-id, steps, callouts, links and screenshots as the seed', (locale) => {
    const seed = seeds[locale];
    const parsed = article(locale);
    expect(parsed.title).toBe(seed.frontmatter.title);
    expect(parsed.exlId).toBe(seed.frontmatter['exl-id']);
    expect(parsed.steps).toHaveLength(seed.steps);
    expect(parsed.callouts.map((callout) => callout.kind)).toEqual(seed.callouts);
    expect(parsed.links.map((link) => link.href)).toEqual(seed.links);
    expect(parsed.steps.flatMap((step) => step.screenshots)).toEqual(seed.screenshots);
  });

  it('keeps the French variant as it is: three steps, its own exl-id, the English and Swedish sharing theirs', () => {
    expect(served.map((a) => a.topic)).toEqual(['grant-marketo-access-to-users', 'grant-marketo-access-to-users', 'grant-marketo-access-to-users']);
    expect([article('en').steps.length, article('sv').steps.length, article('fr').steps.length]).toEqual([5, 5, 3]);
    expect(article('sv').exlId).toBe(article('en').exlId);
    expect(article('fr').exlId).not.toBe(article('en').exlId);
    expect(article('fr').translation).toMatchObject({ workflowType: 'tm+mt', sourceWordcount: 198 });
    expect(article('sv').hidden).toBe(true);
  });

  it('finds the structure the documents have', () => {
    const en = article('en');
    expect(en.anchor).toBe('grant-marketo-access-to-users');
    expect(en.callouts.map((c) => `${c.kind}@${c.position}`)).toEqual(['CAUTION@intro', 'NOTE@step 3']);
    expect(en.callouts[0].text).toBe('Please wait ten minutes after connecting Sales Insight Actions with Marketo before performing these steps.');
    expect(en.steps[3]).toMatchObject({
      optional: true,
      optionalLabel: 'OPTIONAL STEP',
      optionalText: 'Click the Workspace drop-down and select your desired workspace(s).',
    });
    expect(article('sv').steps[3]).toMatchObject({ optional: true, optionalLabel: 'VALFRITT STEG' });
    expect(article('fr').callouts.map((c) => `${c.kind}@${c.position}`)).toEqual(['CAUTION@intro', 'NOTE@step 1']);
    expect(en.closing).toEqual(['You can add additional users from the Team Management page and follow the steps above to get them connected.']);
    expect(en.dnlNames).toEqual(['Sales Insight Actions']);
    expect(en.uiLabels).toEqual(expect.arrayContaining(['Settings', 'Admin Settings', 'User Access', 'Connect', 'Team Access', 'Team Management']));
  });

  it('Swedish: same callout positions and optional step as the English', () => {
    const sv = article('sv');
    expect(sv.callouts.map((c) => `${c.kind}@${c.position}`)).toEqual(['CAUTION@intro', 'NOTE@step 3']);
    expect(sv.steps.map((step) => step.optional)).toEqual([false, false, false, true, false]);
    expect(article('en').steps.map((step) => step.optional)).toEqual([false, false, false, true, false]);
    expect(article('fr').steps.some((step) => step.optional)).toBe(false);
  });

  it('gives the intro in order, callouts included, and each step its own labels and screenshots', () => {
    const en = article('en');
    expect(en.introBlocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'callout']);
    expect(en.introBlocks[2]).toMatchObject({ type: 'callout', kind: 'CAUTION', position: 'intro' });
    expect(en.steps.map((step) => step.uiLabels)).toEqual([
      ['Settings'],
      ['Admin Settings', 'Marketo'],
      ['User Access', 'Connect'],
      ['OPTIONAL STEP'],
      ['Connect'],
    ]);
    expect(en.steps[2].notes).toEqual([expect.objectContaining({ kind: 'NOTE', position: 'step 3' })]);
    expect(article('fr').steps.flatMap((step) => step.screenshots.map((path) => path.split('/').pop()))).toEqual([
      'granting-access-to-users-1.png',
      'granting-access-to-users-2.jpg',
      'granting-access-to-users-3.png',
    ]);
    expect(en.html).toContain('<span class="dnl" translate="no">Sales Insight Actions</span>');
    expect(en.markdown).toContain('[Sales Insight Actions](/help/marketo/');
  });

  it('with (source, locale) only, takes the id from the heading anchor (else the title)', () => {
    const file = (locale: string) => readFileSync(join(projectRoot, 'locales', 'help', `grant-marketo-access-to-users.${locale}.md`), 'utf8');
    expect(parseHelpArticle(file('en'), 'en').topic).toBe('grant-marketo-access-to-users');
    expect(parseHelpArticle(file('fr'), 'fr').topic).toBe('granting-access-to-users');
    expect(parseHelpArticle('---\ntitle: Octroi de l’accès\n---\n# Octroi\n', 'fr').topic).toBe('octroi-de-l-acces');
  });

  it('reads a callout without the empty ">" line, and a leading bold that is not "optional" as a plain paragraph', () => {
    const parsed = parseHelpArticle('# T {#t}\n\n>[!NOTE]\n>Mind [!UICONTROL Connect].\n\n1. Open it.\n\n   **Marketo**: the tab.\n', 'en');
    expect(parsed.callouts).toEqual([{ kind: 'NOTE', text: 'Mind Connect.', position: 'intro' }]);
    expect(parsed.html).toContain('<div class="callout callout-note" role="note" data-kind="NOTE">\n<p>Mind <span class="uicontrol">Connect</span>.</p>');
    expect(parsed.steps[0]).toMatchObject({ optional: false, optionalLabel: null, uiLabels: ['Marketo'] });
  });

  it('takes nothing but an id from `{…}`: other attributes are dropped, never rendered', () => {
    const parsed = parseHelpArticle('# A {#a .wide onclick=alert(1)}\n\n# B {not an id}\n\n![](assets/x.png){width="600" modal="regular"}\n', 'en');
    expect(parsed.anchor).toBe('a');
    expect(parsed.html).toBe('<h1 id="a">A</h1>\n<h1>B</h1>\n<p><img src="assets/x.png" alt=""></p>\n');
  });

  it('the article sources are the seeds with the mojibake repaired, byte for byte otherwise', () => {
    for (const [prefix, locale] of [
      ['000', 'en'],
      ['001', 'sv'],
      ['002', 'fr'],
    ]) {
      const seed = readFileSync(
        join(
          seedsDir,
          readdirSync(seedsDir).find((file) => file.startsWith(prefix))!,
        ),
        'utf8',
      );
      const source = readFileSync(join(projectRoot, 'locales', 'help', `grant-marketo-access-to-users.${locale}.md`), 'utf8');
      expect(source).toBe(repairMojibake(seed));
      expect(source).not.toMatch(/â€|Ã/);
    }
    expect(readFileSync(join(projectRoot, 'locales', 'help', 'grant-marketo-access-to-users.en.md'), 'utf8')).toContain('we’ll assign');
  });

  it('repairs the mojibake and nothing else', () => {
    const all = served.map((a) => JSON.stringify(a)).join('');
    expect(all).not.toMatch(/â€|Ã/);
    expect(article('en').steps[3].text).toContain('we’ll assign them');
    expect(repairMojibake('weâ€™ll â€œokâ€\u009d Ã©tÃ©')).toBe('we’ll “ok” été');
    for (const correct of ['Åsa Öberg', 'Octroi de l’accès', 'intressanta ögonblick', 'naïve déjà']) expect(repairMojibake(correct)).toBe(correct);
  });

  it('renders safe HTML: raw HTML is escaped, callouts and names are marked up', () => {
    const hostile = parseHelpArticle(
      'x',
      'en',
      '---\ntitle: X\n---\n# X {#x}\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n>[!NOTE]\n>\n>A [!DNL Name] and [!UICONTROL Label].\n',
    );
    expect(hostile.html).not.toMatch(/<script|href="javascript/);
    expect(hostile.html).toContain('&lt;script&gt;');
    expect(hostile.html).toContain('<div class="callout callout-note" role="note" data-kind="NOTE">');
    expect(hostile.html).toContain('<span class="dnl" translate="no">Name</span>');
    expect(hostile.html).toContain('<h1 id="x">X</h1>');
    expect(article('en').markdown).not.toMatch(/\[!(DNL|UICONTROL)/);
    expect(article('en').markdown).not.toMatch(/^---/);
  });
});

describe('front matter', () => {
  it('is read as YAML only: a `---js` block is refused, never evaluated', () => {
    const global = globalThis as { frontmatterRan?: boolean };
    expect(() => parseHelpArticle('---js\n{ title: String(globalThis.frontmatterRan = true) }\n---\n# X\n', 'en')).toThrow(/YAML/);
    expect(global.frontmatterRan).toBeUndefined();
  });
});

describe('UI labels the articles name, against the ui catalog of their language', () => {
  const resources = loadResources();
  it.each(['en', 'sv', 'fr'])('%s: every label reads exactly as the UI shows it', (locale) => {
    const uiStrings = new Set(flatten(resources[locale].ui).values());
    const divergences = article(locale).uiLabels.filter((label) => !uiStrings.has(label));
    expect(divergences).toEqual([]);
  });
});
