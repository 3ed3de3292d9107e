import type { EntityManager } from 'typeorm';
import type { Clock } from '../core/clock';
import { newId } from '../core/ids';
import { Role } from '../core/viewer';
import type { Database } from '../db/database';
import { insertMany } from '../db/sql';
import { Organization } from '../kernel/organization.entity';
import { MarketoAccessGrantWorkspace } from '../modules/access/marketo-access-grant-workspace.entity';
import { MarketoAccessGrant } from '../modules/access/marketo-access-grant.entity';
import { ApiToken } from '../modules/identity/api-token.entity';
import { hashToken } from '../modules/identity/token-hash';
import { MarketoWorkspace, newWorkspace } from '../modules/organization/marketo-workspace.entity';
import { nameSortKeysOf, searchTextOf } from '../modules/team/invitee.rules';
import { TeamUser } from '../modules/team/team-user.entity';

export const DEMO_TOKENS = {
  acmeAdmin: 'demo-admin-token',
  acmeMember: 'demo-member-token',
  globexAdmin: 'demo-globex-admin-token',
} as const;

/** Who the demo tokens sign in as: offered on the web UI's sign-in form in demo mode. */
export const DEMO_ACCOUNTS = [
  { organization: 'Acme', name: 'Alex Morgan', role: 'ADMIN', token: DEMO_TOKENS.acmeAdmin },
  { organization: 'Acme', name: 'Sam Rivera', role: 'MEMBER', token: DEMO_TOKENS.acmeMember },
  { organization: 'Globex', name: 'Jordan Blake', role: 'ADMIN', token: DEMO_TOKENS.globexAdmin },
] as const;

const ACME_PEOPLE = [
  'Olivia Bennett',
  'Lars Johansson',
  'Camille Durand',
  'Ethan Walker',
  'Ingrid Nilsson',
  'Lucas Martin',
  'Sophie Laurent',
  'Noah Thompson',
  'Astrid Berg',
  'Hugo Petit',
  'Emma Karlsson',
  'James Carter',
  'Chloé Moreau',
  'Oscar Lindberg',
  'Ava Mitchell',
  'Léa Fournier',
  'Erik Svensson',
  'Mia Robinson',
  'Louis Girard',
  'Freja Holm',
  'Benjamin Hughes',
  'Manon Lefèvre',
  'Axel Gustafsson',
  'Charlotte Evans',
  'Théo Bonnet',
  'Elsa Persson',
  'Henry Collins',
  'Inès Rousseau',
  'Nils Eriksson',
  'Grace Turner',
  'Jules Mercier',
  'Saga Andersson',
  'Daniel Foster',
  'Zoé Blanc',
  'Viktor Larsson',
  'Harper Reed',
  'Nathan Garnier',
  'Alva Olsson',
  'Samuel Price',
  'Anaïs Chevalier',
  'Filip Jonsson',
  'Lily Morgan',
  'Maxime Faure',
  'Ebba Magnusson',
  'William Brooks',
  'Clara Lambert',
  'Gustav Lund',
  'Ella Sanders',
  'Raphaël Roux',
  'Agnes Wallin',
];

const GLOBEX_PEOPLE = [
  'Hank Scorpio',
  'Mindy Simmons',
  'Frank Grimes',
  'Rita LaFleur',
  'Arthur Crandall',
  'Lindsey Naegle',
  'Gavin Sutherland',
  'Nadia Okafor',
  'Priya Raman',
  'Tomás Herrera',
];

/** Every name the demo seed writes: personal data that no log line may carry (the test suite scans its logs for them). */
export const DEMO_PEOPLE: readonly string[] = [...DEMO_ACCOUNTS.map((account) => account.name), ...ACME_PEOPLE, ...GLOBEX_PEOPLE];

/** Seeds Acme and Globex into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(db: Database, clock: Clock): Promise<boolean> {
  return db.transaction(async (manager) => {
    if ((await manager.count(Organization)) > 0) return false;
    const now = clock.now();
    await seedAcme(manager, now);
    await seedGlobex(manager, now);
    return true;
  });
}

/** Acme: connected with Marketo a day ago, workspaces enabled, 50 invited users, a few connected. */
async function seedAcme(manager: EntityManager, now: Date): Promise<void> {
  const acme = await insertOrganization(manager, 'Acme', new Date(now.getTime() - 24 * 3600_000), true, now);
  const admin = await insertUser(manager, acme, DEMO_ACCOUNTS[0].name, 'alex.morgan@acme.example', Role.ADMIN, null, now);
  const member = await insertUser(manager, acme, DEMO_ACCOUNTS[1].name, 'sam.rivera@acme.example', Role.MEMBER, admin.id, now);
  await insertToken(manager, admin, DEMO_TOKENS.acmeAdmin, now);
  await insertToken(manager, member, DEMO_TOKENS.acmeMember, now);
  const workspaces = ['Default', 'North America', 'EMEA', 'APAC'].map((name) => newWorkspace(acme.id, name, now));
  await insertMany(manager, MarketoWorkspace, workspaces);
  const users = await insertPeople(manager, acme, ACME_PEOPLE, 'acme.example', admin.id, now);
  const connected: [TeamUser, MarketoWorkspace[]][] = [
    [admin, [workspaces[0]]],
    [users[0], [workspaces[0]]],
    [users[1], [workspaces[2]]],
    [users[2], [workspaces[2]]],
    [users[3], [workspaces[1], workspaces[3]]],
  ];
  const grants = connected.map(([user]) =>
    manager.create(MarketoAccessGrant, {
      id: newId(),
      organizationId: acme.id,
      userId: user.id,
      grantedById: admin.id,
      grantedAt: new Date(now.getTime() - 3600_000),
    }),
  );
  await insertMany(manager, MarketoAccessGrant, grants);
  await insertMany(
    manager,
    MarketoAccessGrantWorkspace,
    connected.flatMap(([, assigned], i) => assigned.map((workspace) => ({ grantId: grants[i].id, workspaceId: workspace.id, organizationId: acme.id }))),
  );
}

/** Globex: not connected with Marketo yet, workspaces disabled, 10 invited users. */
async function seedGlobex(manager: EntityManager, now: Date): Promise<void> {
  const globex = await insertOrganization(manager, 'Globex', null, false, now);
  const admin = await insertUser(manager, globex, DEMO_ACCOUNTS[2].name, 'jordan.blake@globex.example', Role.ADMIN, null, now);
  await insertToken(manager, admin, DEMO_TOKENS.globexAdmin, now);
  await insertPeople(manager, globex, GLOBEX_PEOPLE, 'globex.example', admin.id, now);
}

async function insertOrganization(manager: EntityManager, name: string, connectedAt: Date | null, workspacesEnabled: boolean, now: Date) {
  const organization = manager.create(Organization, {
    id: newId(),
    name,
    marketoConnectedAt: connectedAt,
    marketoWorkspacesEnabled: workspacesEnabled,
    createdAt: now,
  });
  await manager.insert(Organization, organization);
  return organization;
}

function newUser(manager: EntityManager, organization: Organization, name: string, email: string, role: Role, invitedById: string | null, now: Date) {
  return manager.create(TeamUser, {
    id: newId(),
    organizationId: organization.id,
    name,
    email,
    ...nameSortKeysOf(name),
    searchText: searchTextOf(name, email),
    role,
    invitedAt: now,
    invitedById,
  });
}

async function insertUser(...args: Parameters<typeof newUser>) {
  const user = newUser(...args);
  await args[0].insert(TeamUser, user);
  return user;
}

async function insertPeople(manager: EntityManager, organization: Organization, names: string[], domain: string, invitedById: string, now: Date) {
  const users = names.map((name) => newUser(manager, organization, name, emailOf(name, domain), Role.MEMBER, invitedById, now));
  await insertMany(manager, TeamUser, users);
  return users;
}

/** "Chloé Moreau" → chloe.moreau@domain */
function emailOf(name: string, domain: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
  return `${local}@${domain}`;
}

async function insertToken(manager: EntityManager, user: TeamUser, token: string, now: Date) {
  await manager.insert(ApiToken, {
    id: newId(),
    organizationId: user.organizationId,
    userId: user.id,
    tokenHash: hashToken(token),
    label: 'demo',
    createdAt: now,
  });
}
