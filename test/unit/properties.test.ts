import fc from 'fast-check';
import { planConnect, planDisconnect } from '../../src/modules/access/access.rules';
import type { GrantView } from '../../src/modules/access/marketo-access-grant.entity';
import type { MarketoWorkspace } from '../../src/modules/organization/marketo-workspace.entity';
import { parseHelpArticle } from '../../src/modules/help/help-article';
import { repairMojibake } from '../../src/modules/help/mojibake';
import type { TeamUser } from '../../src/modules/team/team-user.entity';

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5'];
const WORKSPACES = [
  { id: 'default', name: 'Default', isDefault: true },
  { id: 'emea', name: 'EMEA', isDefault: false },
  { id: 'apac', name: 'APAC', isDefault: false },
] as MarketoWorkspace[];
const userIdArb = fc.oneof(fc.constantFrom(...USERS), fc.constantFrom('ghost', ''), fc.string());
const workspaceIdArb = fc.oneof(fc.constantFrom('default', 'emea', 'apac'), fc.constantFrom('nowhere'), fc.string());
const assignmentsArb = fc.array(
  fc.record({ userIds: fc.array(userIdArb, { maxLength: 8 }), workspaceIds: fc.option(fc.array(workspaceIdArb, { maxLength: 4 }), { nil: null }) }),
  { maxLength: 5 },
);
const existingGrantsArb = fc
  .subarray(USERS)
  .chain((users) =>
    fc.tuple(
      ...users.map((userId) =>
        fc
          .subarray(['default', 'emea', 'apac'], { minLength: 1 })
          .map((workspaceIds): GrantView => ({ id: `g-${userId}`, userId, workspaceIds: workspaceIds.sort(), grantedAt: new Date(0), grantedById: 'admin' })),
      ),
    ),
  );

const users = new Map(USERS.map((id) => [id, { id, name: id } as TeamUser]));

describe('bulk grants, for any input (fast-check)', () => {
  it('answer once per user id, in input order; grant each user at most once; never grant twice what exists', () => {
    fc.assert(
      fc.property(assignmentsArb, existingGrantsArb, fc.boolean(), (assignments, existing, workspacesEnabled) => {
        const grants = new Map(existing.map((grant) => [grant.userId, grant]));
        let counter = 0;
        const { outcomes, created } = planConnect({
          users,
          grants,
          workspaces: WORKSPACES,
          workspacesEnabled,
          assignments,
          newGrant: (userId, workspaceIds) => ({ id: `new-${counter++}`, userId, workspaceIds, grantedAt: new Date(0), grantedById: 'admin' }),
        });
        const inputIds = assignments.flatMap((assignment) => assignment.userIds);
        expect(outcomes.map((outcome) => outcome.userId)).toEqual(inputIds);
        const createdUsers = created.map((grant) => grant.userId);
        expect(new Set(createdUsers).size).toBe(createdUsers.length);
        for (const userId of createdUsers) {
          expect(grants.has(userId)).toBe(false);
          expect(users.has(userId)).toBe(true);
        }
        for (const grant of created) {
          expect(grant.workspaceIds.length).toBeGreaterThan(0);
          if (!workspacesEnabled) expect(grant.workspaceIds).toEqual(['default']);
        }
        expect(outcomes.filter((outcome) => outcome.kind === 'granted')).toHaveLength(created.length);
      }),
    );
  });

  it('disconnect removes each existing grant at most once and only existing ones', () => {
    fc.assert(
      fc.property(fc.array(userIdArb, { maxLength: 20 }), existingGrantsArb, (userIds, existing) => {
        const grants = new Map(existing.map((grant) => [grant.userId, grant]));
        const { outcomes, removed } = planDisconnect({ users, grants, userIds });
        expect(outcomes.map((outcome) => outcome.userId)).toEqual(userIds);
        expect(new Set(removed.map((grant) => grant.id)).size).toBe(removed.length);
        for (const grant of removed) expect(grants.get(grant.userId)).toBe(grant);
        expect(removed).toHaveLength(existing.filter((grant) => userIds.includes(grant.userId)).length);
      }),
    );
  });
});

describe('the help-article parser, for any input (fast-check)', () => {
  const fragment = fc.constantFrom(
    '# Title {#anchor}\n',
    '1. Step with **[!UICONTROL Label]**.\n',
    '   >[!NOTE]\n   >\n   >Nested note.\n',
    '>[!CAUTION]\n>\n>Careful.\n',
    '![](assets/x.png)\n',
    '[link](/help/x.md)\n',
    '[!DNL Name] ',
    '<script>alert(1)</script>\n',
    '<img src=x onerror=alert(1)>\n',
    '[x](javascript:alert(1))\n',
    '**OPTIONAL STEP**: do it\n',
    '\n',
    'weâ€™ll ',
    '{#',
    '[!',
    '>',
  );
  const source = fc
    .tuple(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 30 }), fc.boolean())
    .map(([parts, frontmatter]) => (frontmatter ? '---\ntitle: T\nexl-id: x\n---\n' : '') + parts.join(''));

  it('never throws, never passes raw HTML or javascript: links through', () => {
    fc.assert(
      fc.property(source, (text) => {
        const article = parseHelpArticle('topic', 'en', text);
        expect(article.html).not.toMatch(/<script|<img[^>]*onerror|href="javascript:/i);
        expect(article.steps.every((step, i) => step.number === i + 1)).toBe(true);
      }),
    );
  });

  it('repairs mojibake idempotently and leaves clean text alone', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const clean = text.replace(/[\u0080-\u00ff\u0152-\u2122]/g, '');
        expect(repairMojibake(clean)).toBe(clean);
        const once = repairMojibake(text);
        expect(repairMojibake(once)).toBe(once);
      }),
    );
  });
});
