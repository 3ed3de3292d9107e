import { newId } from '../src/core/ids';
import { Role } from '../src/core/viewer';
import { insertMany } from '../src/db/sql';
import { createAppDataSource } from '../src/app/persistence';
import { Organization } from '../src/kernel/organization.entity';
import { MarketoAccessGrantWorkspace } from '../src/modules/access/marketo-access-grant-workspace.entity';
import { MarketoAccessGrant } from '../src/modules/access/marketo-access-grant.entity';
import { MarketoWorkspace } from '../src/modules/organization/marketo-workspace.entity';
import { foldForSearch, nameSortKeysOf, searchTextOf } from '../src/modules/team/invitee.rules';
import { TeamUser } from '../src/modules/team/team-user.entity';

const FIRST = [
  'Olivia', 'Lars', 'Camille', 'Ethan', 'Ingrid', 'Lucas', 'Sophie', 'Noah', 'Astrid', 'Hugo', 'Emma', 'James', 'Chloé', 'Oscar',
  'Ava', 'Léa', 'Erik', 'Mia', 'Louis', 'Freja', 'Benjamin', 'Manon', 'Axel', 'Charlotte', 'Théo', 'Elsa', 'Henry', 'Inès',
  'Nils', 'Grace', 'Jules', 'Saga', 'Daniel', 'Zoé', 'Viktor', 'Harper', 'Nathan', 'Alva', 'Samuel', 'Anaïs', 'Filip', 'Lily',
  'Maxime', 'Ebba', 'William', 'Clara', 'Gustav', 'Ella', 'Raphaël', 'Agnes', 'Åsa', 'Örjan', 'Émile', 'Björn', 'Margaux',
]; // prettier-ignore
const LAST = [
  'Bennett', 'Johansson', 'Durand', 'Walker', 'Nilsson', 'Martin', 'Laurent', 'Thompson', 'Berg', 'Petit', 'Karlsson', 'Carter',
  'Moreau', 'Lindberg', 'Mitchell', 'Fournier', 'Svensson', 'Robinson', 'Girard', 'Holm', 'Hughes', 'Lefèvre', 'Gustafsson',
  'Evans', 'Bonnet', 'Persson', 'Collins', 'Rousseau', 'Eriksson', 'Turner', 'Mercier', 'Andersson', 'Foster', 'Blanc',
  'Larsson', 'Reed', 'Garnier', 'Olsson', 'Price', 'Chevalier', 'Jonsson', 'Morgan', 'Faure', 'Magnusson', 'Brooks', 'Lambert',
  'Lund', 'Sanders', 'Roux', 'Wallin', 'Öberg', 'Åberg', 'Ström', 'Lefèbvre', 'Dubois',
]; // prettier-ignore

/** A deterministic pseudo-random sequence (mulberry32), so every run seeds and searches the same. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A member's team_user row as the invite path writes it (sort keys and search text included). */
export function memberRow(organizationId: string, name: string, email: string, invitedAt: Date, invitedById: string | null): TeamUser {
  return {
    id: newId(),
    organizationId,
    name,
    email,
    ...nameSortKeysOf(name),
    searchText: searchTextOf(name, email),
    role: Role.MEMBER,
    invitedAt,
    invitedById,
  };
}

export interface SeededTeam {
  /** Every user's folded search text, to draw searches from. */
  searchTexts: string[];
}

/**
 * Adds `count` invited users to the demo organization Acme of an already migrated and seeded database,
 * about a third of them connected to Marketo (half of those with one or two workspaces): the Team Access
 * page of a real team, names in the three languages' alphabets.
 */
export async function seedTeam(databaseUrl: string, count: number): Promise<SeededTeam> {
  const dataSource = await createAppDataSource(databaseUrl).initialize();
  try {
    const acme = await dataSource.manager.findOneByOrFail(Organization, { name: 'Acme' });
    const admin = await dataSource.manager.findOneByOrFail(TeamUser, { organizationId: acme.id, role: Role.ADMIN });
    const workspaces = await dataSource.manager.findBy(MarketoWorkspace, { organizationId: acme.id });
    const next = random(count);
    const now = Date.now();
    const users = Array.from({ length: count }, (_, i) => {
      const first = FIRST[Math.floor(next() * FIRST.length)];
      const last = LAST[Math.floor(next() * LAST.length)];
      const name = `${first} ${last}`;
      const email = `${foldForSearch(first)}.${foldForSearch(last)}.${i}@acme.example`;
      return memberRow(acme.id, name, email, new Date(now - i * 60_000), admin.id);
    });
    const grants = users
      .filter(() => next() < 1 / 3)
      .map((user, i) => ({ id: newId(), organizationId: acme.id, userId: user.id, grantedById: admin.id, grantedAt: new Date(now - i * 1000) }));
    const grantWorkspaces = grants.flatMap((grant) =>
      workspaces.filter(() => next() < 0.3).map((workspace) => ({ grantId: grant.id, workspaceId: workspace.id, organizationId: acme.id })),
    );
    await dataSource.transaction(async (manager) => {
      await insertMany(manager, TeamUser, users, 1000);
      await insertMany(manager, MarketoAccessGrant, grants as MarketoAccessGrant[], 1000);
      await insertMany(manager, MarketoAccessGrantWorkspace, grantWorkspaces as MarketoAccessGrantWorkspace[], 1000);
      // The seeded rows are a change like any other: answers cached before them must not be replayed.
      await manager.query('UPDATE organization SET data_version = data_version + 1 WHERE id = ?', [acme.id]);
    });
    return { searchTexts: users.map((user) => user.searchText) };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `count` different searches a person would type: two to five consecutive letters of someone's name or
 * e-mail, none twice, in a shuffled but repeatable order. Each is new to the server, so no answer and no
 * count can be replayed. Shuffled after they are collected: collected in order, the common fragments
 * (found first) would crowd the start of the list and the rare ones its end, so a run's cost would depend
 * on how far into the list it got.
 */
export function distinctSearches(team: SeededTeam, count: number): string[] {
  const next = random(7);
  const seen = new Set<string>();
  const searches: string[] = [];
  for (let attempt = 0; searches.length < count && attempt < count * 50; attempt += 1) {
    const text = team.searchTexts[Math.floor(next() * team.searchTexts.length)];
    const length = 2 + Math.floor(next() * 4);
    const start = Math.floor(next() * Math.max(1, text.length - length));
    const search = text.slice(start, start + length).trim();
    if (search.length < 2 || seen.has(search)) continue;
    seen.add(search);
    searches.push(search);
  }
  for (let i = searches.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [searches[i], searches[j]] = [searches[j], searches[i]];
  }
  return searches;
}

/** How many users a sample of the searches matches, on average: what the run's searches are like. */
export function meanMatches(team: SeededTeam, searches: string[], sample = 200): number {
  const picked = searches.slice(0, sample);
  const total = picked.reduce((sum, search) => sum + team.searchTexts.filter((text) => text.includes(search)).length, 0);
  return total / Math.max(1, picked.length);
}
