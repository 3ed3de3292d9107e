import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { localesDir, projectRoot } from '../src/core/paths';
import { loadHelpArticles } from '../src/modules/help/help-article';
import { withSqliteServer } from './support/each-database';

const TOPIC = 'grant-marketo-access-to-users';
const EN_EXL_ID = '0efb3e85-cc75-4810-bc67-05127f44e012';
const FR_EXL_ID = 'd9577401-7aa2-4ce1-bc4d-c0514d01d953';
/** The hash the translation memory records for today's English article (its file is NFC, LF line endings). */
const ENGLISH_HASH = 'fdf12bd1f73c';

const METADATA = /* GraphQL */ `
  query HelpMetadata($id: ID!, $locale: String) {
    helpArticle(id: $id, locale: $locale) {
      locale
      exlId
      feature
      contentHash
      translation {
        workflowType
        htDegree
        humanTranslatedPercent
        machineTranslated
        sourceExlId
        source {
          locale
          exlId
          title
        }
        relation
        variantProduct
        olderRevision
        outdated
        recordedSourceHash
      }
      alternates {
        locale
      }
      translations {
        locale
        exlId
      }
      variants {
        locale
        exlId
      }
      links {
        text
        href
        url
      }
      html
    }
  }
`;

const locales = (list: { locale: string }[]) => list.map((item) => item.locale).sort();

describe('help articles say what they were translated from, over GraphQL', () => {
  const server = withSqliteServer();

  const help = async (locale: string) => {
    const response = await server().gql(METADATA, { id: TOPIC, locale }, { token: null });
    expect(response.errors).toBeUndefined();
    return response.data.helpArticle;
  };

  it('serves the English original with no translation metadata and its hash; Swedish is its translation, French a variant', async () => {
    const en = await help('en');
    expect(en).toMatchObject({ locale: 'en', exlId: EN_EXL_ID, feature: 'Sales Insight Actions', translation: null, contentHash: ENGLISH_HASH });
    expect(locales(en.alternates)).toEqual(['fr', 'sv']);
    expect(en.translations).toEqual([{ locale: 'sv', exlId: EN_EXL_ID }]);
    expect(en.variants).toEqual([{ locale: 'fr', exlId: FR_EXL_ID }]);
  });

  it('Swedish: a machine translation (tm+mt, 0 %) of the English article, current against its recorded source', async () => {
    const sv = await help('sv');
    expect(sv.translation).toEqual({
      workflowType: 'tm+mt',
      htDegree: '0%',
      humanTranslatedPercent: 0,
      machineTranslated: true,
      sourceExlId: EN_EXL_ID,
      source: { locale: 'en', exlId: EN_EXL_ID, title: 'Grant Marketo Access to Users' },
      relation: 'TRANSLATION',
      variantProduct: null,
      olderRevision: false,
      outdated: false,
      recordedSourceHash: ENGLISH_HASH,
    });
    expect(locales(sv.alternates)).toEqual(['en', 'fr']);
    expect(sv.translations).toEqual([{ locale: 'en', exlId: EN_EXL_ID }]);
    expect(sv.variants).toEqual([{ locale: 'fr', exlId: FR_EXL_ID }]);
  });

  it('French: a machine translation of the older Marketo Sales Connect article (its own exl-id), outdated, its source not served', async () => {
    const fr = await help('fr');
    expect(fr).toMatchObject({ exlId: FR_EXL_ID, feature: 'Marketo Sales Connect' });
    expect(fr.translation).toEqual({
      workflowType: 'tm+mt',
      htDegree: '0%',
      humanTranslatedPercent: 0,
      machineTranslated: true,
      sourceExlId: FR_EXL_ID,
      source: null,
      relation: 'VARIANT',
      variantProduct: 'Marketo Sales Connect',
      olderRevision: true,
      outdated: true,
      // Compared with today's English article, and still a translation of the one it replaced.
      recordedSourceHash: ENGLISH_HASH,
    });
    expect(locales(fr.alternates)).toEqual(['en', 'sv']);
    expect(fr.translations).toEqual([]);
    expect(locales(fr.variants)).toEqual(['en', 'sv']);
  });

  it("resolves each article's invite-users link to its Experience League page, in the article's language", async () => {
    const invite = 'https://experienceleague.adobe.com/docs/marketo/using/product-docs/marketo-sales-insight/actions/admin/invite-users-and-admins.html';
    const [en, sv, fr] = [await help('en'), await help('sv'), await help('fr')];
    expect(en.links).toEqual([
      {
        text: 'Sales Insight Actions',
        href: '/help/marketo/product-docs/marketo-sales-insight/actions/admin/invite-users-and-admins.md#invite-users',
        url: `${invite}?lang=en#invite-users`,
      },
    ]);
    expect(sv.links.map((link: { url: string }) => link.url)).toEqual([`${invite}?lang=sv#invite-users`]);
    expect(fr.links).toEqual([
      {
        text: 'ici',
        href: '/help/marketo/product-docs/marketo-sales-connect/admin/invite-users.md',
        url: 'https://experienceleague.adobe.com/docs/marketo/using/product-docs/marketo-sales-connect/admin/invite-users.html?lang=fr',
      },
    ]);
    // The rendered HTML links there too (the page opens it in a new tab); raw HTML is still never passed through.
    expect(en.html).toContain(`<a href="${invite}?lang=en#invite-users">`);
    expect(fr.html).toContain(
      '<a href="https://experienceleague.adobe.com/docs/marketo/using/product-docs/marketo-sales-connect/admin/invite-users.html?lang=fr">ici</a>',
    );
  });
});

/** `npm run i18n:tm` as a translator runs it, on the copy of locales/ (as test/i18n-pipeline.test.ts runs it). */
function i18nTm(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'dist', 'src', 'app', 'i18n-tm.js'), '--locales', dir, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('a translation goes outdated when its English source changes (the translation memory is the record)', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'help-sources-')), 'locales');
    // The articles, the translation memory and the catalogs (i18n:tm reads which languages there are from them).
    cpSync(localesDir, dir, { recursive: true });
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  const swedish = () => loadHelpArticles(dir).find((article) => article.locale === 'sv')!.translation!;
  const changeEnglish = (from: string, to: string) => {
    const english = join(dir, 'help', `${TOPIC}.en.md`);
    writeFileSync(english, readFileSync(english, 'utf8').replace(from, to));
  };

  it('is current while the memory records the English file’s hash, outdated once the English text changes', () => {
    expect(swedish()).toMatchObject({ outdated: false, recordedSourceHash: ENGLISH_HASH });
    changeEnglish('wait ten minutes', 'wait fifteen minutes');
    expect(swedish()).toMatchObject({ outdated: true, recordedSourceHash: ENGLISH_HASH });
  });

  it('is current again once a translator keeps it for the changed English (i18n:tm --keep), its note and hash kept', () => {
    // English now says what the Swedish "innan du utför dessa steg" already said: nothing to translate again.
    changeEnglish('before performing these steps', 'before you perform these steps');
    expect(swedish()).toMatchObject({ outdated: true });
    const kept = i18nTm(dir, '--keep', 'sv', `help:${TOPIC}`, '--note', 'keep: "innan du utför dessa steg" says it', '--by', 'Anna Lind');
    expect(kept).toMatchObject({ status: 0, output: `sv: kept help:${TOPIC}\n` });
    expect(swedish()).toMatchObject({ outdated: false, recordedSourceHash: ENGLISH_HASH });
    const entry = JSON.parse(readFileSync(join(dir, 'translation-memory', 'sv.json'), 'utf8'))[`help:${TOPIC}`];
    expect(entry).toMatchObject({ source: ENGLISH_HASH, note: expect.stringContaining('Compared on 2026-11-27'), decision: { by: 'Anna Lind' } });
    expect(entry.decision.reviewed).not.toBe(ENGLISH_HASH);
  });

  it('is outdated when the memory has no entry for it', () => {
    const file = join(dir, 'translation-memory', 'sv.json');
    const memory = JSON.parse(readFileSync(file, 'utf8'));
    delete memory[`help:${TOPIC}`];
    writeFileSync(file, JSON.stringify(memory));
    expect(swedish()).toMatchObject({ outdated: true, recordedSourceHash: null, relation: 'TRANSLATION' });
  });
});
