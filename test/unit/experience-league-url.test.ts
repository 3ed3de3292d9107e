import { experienceLeagueUrl } from '../../src/modules/help/experience-league-url';

describe('experienceLeagueUrl: where a link of a help article leads', () => {
  it("turns a path of the documentation repository into its Experience League page, in the article's language", () => {
    expect(experienceLeagueUrl('/help/marketo/product-docs/marketo-sales-insight/actions/admin/invite-users-and-admins.md#invite-users', 'sv')).toBe(
      'https://experienceleague.adobe.com/docs/marketo/using/product-docs/marketo-sales-insight/actions/admin/invite-users-and-admins.html?lang=sv#invite-users',
    );
    expect(experienceLeagueUrl('/help/marketo/product-docs/marketo-sales-connect/admin/invite-users.md', 'fr')).toBe(
      'https://experienceleague.adobe.com/docs/marketo/using/product-docs/marketo-sales-connect/admin/invite-users.html?lang=fr',
    );
  });

  it('keeps a web address, and resolves nothing else (shown as text)', () => {
    expect(experienceLeagueUrl('https://example.com/a?b=1', 'en')).toBe('https://example.com/a?b=1');
    for (const href of ['javascript:alert(1)', 'assets/x.png', '../other.md', '/help/marketo/../../etc.md', '/help/marketo/x.md?y=1', 'mailto:a@b.c']) {
      expect(experienceLeagueUrl(href, 'en')).toBeNull();
    }
  });
});
