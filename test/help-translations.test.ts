import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { projectRoot } from '../src/core/paths';
import { loadHelpArticles } from '../src/modules/help/help-article';
import { withSqliteServer } from './support/each-database';

const TOPIC = 'grant-marketo-access-to-users';
const EN_EXL_ID = '0efb3e85-cc75-4810-bc67-05127f44e012';
const FR_EXL_ID = 'd9577401-7aa2-4ce1-bc4d-c0514d01d953';
const HELP_DIR = join(projectRoot, 'locales', 'help');

const METADATA = /* GraphQL */ `
  query HelpMetadata($id: ID!, $locale: String) {
    helpArticle(id: $id, locale: $locale) {
      locale
      exlId
      feature
      contentSha256
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
        recordedSourceSha256
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

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const englishSha256 = sha256(readFileSync(join(HELP_DIR, `${TOPIC}.en.md`), 'utf8'));
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
    expect(en).toMatchObject({ locale: 'en', exlId: EN_EXL_ID, feature: 'Sales Insight Actions', translation: null, contentSha256: englishSha256 });
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
      recordedSourceSha256: englishSha256,
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
      recordedSourceSha256: null,
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

describe('a translation goes outdated when its English source changes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'help-sources-'));
    for (const file of [`${TOPIC}.en.md`, `${TOPIC}.sv.md`, `${TOPIC}.fr.md`, `${TOPIC}.sources.json`]) copyFileSync(join(HELP_DIR, file), join(dir, file));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const swedish = () => loadHelpArticles(dir).find((article) => article.locale === 'sv')!.translation!;

  it('is current while the recorded hash is the English file’s, outdated once the English text changes', () => {
    expect(swedish()).toMatchObject({ outdated: false, recordedSourceSha256: englishSha256 });
    const english = join(dir, `${TOPIC}.en.md`);
    writeFileSync(english, readFileSync(english, 'utf8').replace('ten minutes', 'fifteen minutes'));
    expect(swedish()).toMatchObject({ outdated: true, recordedSourceSha256: englishSha256 });
  });

  it('is outdated when nothing is recorded for it', () => {
    rmSync(join(dir, `${TOPIC}.sources.json`));
    expect(swedish()).toMatchObject({ outdated: true, recordedSourceSha256: null, relation: 'TRANSLATION' });
  });
});
