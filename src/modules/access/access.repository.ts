import { In, type EntityManager } from 'typeorm';
import type { Collation } from '../../core/collation-key';
import { decodeCursor, encodeCursor, SortDirection, type CursorKey, type CursorScope, type Page, type PageRequest } from '../../core/pagination';
import { ConcurrentChangeError } from '../../db/database-errors';
import { chunk, insertMany, placeholders, utcDate } from '../../db/sql';
import { byDefaultThenName, type MarketoWorkspace } from '../organization/marketo-workspace.entity';
import { foldForSearch } from '../team/invitee.rules';
import { LISTED_TEAM_USER_COLUMNS, listedTeamUserOf, type ListedTeamUser, type ListedTeamUserRow } from '../team/team.repository';
import { MarketoAccessStatus, TeamAccessOrderField, type MarketoAccess } from './access.types';
import { MarketoAccessGrantWorkspace } from './marketo-access-grant-workspace.entity';
import { MarketoAccessGrant, type GrantView } from './marketo-access-grant.entity';

interface GrantRow {
  id: string;
  user_id: string;
  granted_by_id: string;
  granted_at: Date | string;
  workspace_id: string | null;
}

interface AccessRow extends ListedTeamUserRow {
  grant_id: string;
  user_id: string;
  granted_at: Date | string;
  granted_by_id: string;
  workspace_id: string | null;
  workspace_name: string | null;
  workspace_is_default: number | boolean | null;
}

export interface TeamAccessFilter {
  search?: string | null;
  status?: MarketoAccessStatus | null;
  orderBy?: { field: TeamAccessOrderField; direction?: SortDirection | null } | null;
}

interface TeamAccessRow extends ListedTeamUserRow {
  name_sort_root?: string;
  name_sort_sv?: string;
  order_granted_at?: Date | string | null;
}

/** How one order of the Team Access list reads in SQL, and where its cursors resume. */
interface TeamAccessOrderSql {
  joinsGrant: boolean;
  /** What the page selects besides the listed user's columns: the key it orders by, for its cursors. */
  keyColumns: string;
  orderBy(descending: boolean): string;
  keyOf(row: TeamAccessRow): CursorKey;
  isValidKey(key: CursorKey): boolean;
  /** Rows strictly past the cursor's key in the direction read; never NULL, so it can be counted too. */
  beyond(key: CursorKey, descending: boolean, dbDate: (iso: string) => unknown): { sql: string; params: unknown[] };
}

/** By a binary-compared column, then id: e-mail, or one of the name's sort keys (core/collation-key). */
const byColumn = (column: 'email' | 'name_sort_root' | 'name_sort_sv'): TeamAccessOrderSql => ({
  joinsGrant: false,
  keyColumns: column === 'email' ? '' : `, u.${column}`,
  orderBy: (descending) => (descending ? `u.${column} DESC, u.id DESC` : `u.${column}, u.id`),
  keyOf: (row) => [row[column]!, row.id],
  isValidKey: (key) => key.length === 2 && key.every((value) => typeof value === 'string'),
  beyond: ([value, id], descending) => {
    const op = descending ? '<' : '>';
    return { sql: `(u.${column} ${op} ? OR (u.${column} = ? AND u.id ${op} ?))`, params: [value, value, id] };
  },
});

/**
 * Connected users by grant time, then the users without access (by id): last in ASC, first in DESC,
 * DESC being exactly ASC reversed. The conditions spell out the NULLs (no grant) so they are never
 * NULL themselves.
 */
const byGrantTime: TeamAccessOrderSql = {
  joinsGrant: true,
  keyColumns: ', g.granted_at AS order_granted_at',
  orderBy: (descending) => (descending ? '(g.granted_at IS NULL) DESC, g.granted_at DESC, u.id DESC' : '(g.granted_at IS NULL), g.granted_at, u.id'),
  keyOf: (row) => [row.order_granted_at ? utcDate(row.order_granted_at).toISOString() : null, row.id],
  isValidKey: ([grantedAt, id, ...rest]) =>
    rest.length === 0 && typeof id === 'string' && (grantedAt === null || (typeof grantedAt === 'string' && !Number.isNaN(Date.parse(grantedAt)))),
  beyond: ([grantedAt, id], descending, dbDate) => {
    if (grantedAt === null) {
      return descending ? { sql: '(g.granted_at IS NOT NULL OR u.id < ?)', params: [id] } : { sql: '(g.granted_at IS NULL AND u.id > ?)', params: [id] };
    }
    const at = dbDate(grantedAt);
    return descending
      ? { sql: '(g.granted_at IS NOT NULL AND (g.granted_at < ? OR (g.granted_at = ? AND u.id < ?)))', params: [at, at, id] }
      : { sql: '(g.granted_at > ? OR (g.granted_at = ? AND u.id > ?) OR g.granted_at IS NULL)', params: [at, at, id] };
  },
};

const BY_NAME: Record<Collation, TeamAccessOrderSql> = { root: byColumn('name_sort_root'), sv: byColumn('name_sort_sv') };
const BY_EMAIL = byColumn('email');

/**
 * How a list order reads in SQL, and the name of that order in its cursors. By name, the order is the
 * language's (Swedish puts Å Ä Ö after Z): a cursor of the English order is refused in Swedish, since
 * its key does not place a row in the other order. E-mails and times sort the same in every language.
 */
function teamAccessOrder(field: TeamAccessOrderField, collation: Collation): { sql: TeamAccessOrderSql; name: string } {
  switch (field) {
    case TeamAccessOrderField.NAME:
      return { sql: BY_NAME[collation], name: `${field}@${collation}` };
    case TeamAccessOrderField.EMAIL:
      return { sql: BY_EMAIL, name: field };
    case TeamAccessOrderField.GRANTED_AT:
      return { sql: byGrantTime, name: field };
  }
}

/**
 * Every SQL statement of the access module. The hot reads (the Team Access page, the grants of a bulk
 * call) are plain SQL, the same text on SQLite and MySQL: TypeORM's query builder and entity hydration
 * were most of their cost when profiled (bench/RESULTS.md).
 */
export class AccessRepository {
  /**
   * The Team Access page (R1): invited users by name in the reader's language's order (or e-mail, or
   * grant time), with search and a filter on Marketo access, paged forward or backward. One statement
   * reads the page (in index order without a search; from the trigram index with one on SQLite); the
   * total is counted only when asked for, and not at all when the first page holds every match. With a
   * cursor, one EXISTS says whether rows lie on its other side.
   */
  async teamAccessPage(
    manager: EntityManager,
    organizationId: string,
    filter: TeamAccessFilter,
    request: PageRequest,
    collation: Collation,
  ): Promise<Page<ListedTeamUser>> {
    const matching = teamAccessMatching(manager, organizationId, filter);
    const field = filter.orderBy?.field ?? TeamAccessOrderField.NAME;
    const direction = filter.orderBy?.direction ?? SortDirection.ASC;
    const { sql: order, name: orderName } = teamAccessOrder(field, collation);
    const scope: CursorScope = { list: 'teamAccess', order: `${orderName}:${direction}`, filter: { search: matching.search, status: filter.status ?? null } };
    // Read in the list's order, or its reverse when paging backward (and the rows reversed after).
    const descending = (direction === SortDirection.DESC) !== request.backward;
    const from = order.joinsGrant
      ? `${matching.users} LEFT JOIN marketo_access_grant g ON g.user_id = u.id AND g.organization_id = u.organization_id`
      : matching.users;

    let beyond: { sql: string; params: unknown[] } | null = null;
    if (request.cursor) {
      const key = decodeCursor(request.cursor, scope, order.isValidKey);
      const column = manager.connection.getMetadata(MarketoAccessGrant).findColumnWithPropertyName('grantedAt')!;
      beyond = order.beyond(key, descending, (iso) => manager.connection.driver.preparePersistentValue(new Date(iso), column));
    }
    const rows: TeamAccessRow[] = await manager.query(
      `SELECT ${LISTED_TEAM_USER_COLUMNS('u')}${order.keyColumns} FROM ${from} WHERE ${matching.where}${beyond ? ` AND ${beyond.sql}` : ''} ORDER BY ${order.orderBy(descending)} LIMIT ${request.size + 1}`,
      beyond ? [...matching.params, ...beyond.params] : matching.params,
    );
    // The rows on the cursor's other side (hasPreviousPage going forward); `beyond` is never NULL, so NOT is exact.
    const behind =
      beyond !== null && (await exists(manager, `SELECT 1 FROM ${from} WHERE ${matching.where} AND NOT ${beyond.sql}`, [...matching.params, ...beyond.params]));
    const pageRows = rows.slice(0, request.size);
    if (request.backward) pageRows.reverse();
    const keys = new Map<ListedTeamUser, CursorKey>();
    const nodes = pageRows.map((row) => {
      const user = listedTeamUserOf(row);
      keys.set(user, order.keyOf(row));
      return user;
    });
    const more = rows.length > request.size;
    return {
      nodes,
      hasNextPage: request.backward ? behind : more,
      hasPreviousPage: request.backward ? more : behind,
      totalCount: !beyond && !more ? nodes.length : () => this.countTeamAccess(manager, organizationId, filter),
      cursorOf: (user) => encodeCursor(scope, keys.get(user)!),
    };
  }

  /** How many users of the organization match the page's search and status, across all pages. */
  async countTeamAccess(manager: EntityManager, organizationId: string, filter: TeamAccessFilter): Promise<number> {
    const matching = teamAccessMatching(manager, organizationId, filter);
    const [{ total }] = await manager.query(`SELECT COUNT(*) AS total FROM ${matching.users} WHERE ${matching.where}`, matching.params);
    return Number(total);
  }

  /** The current grants of some users of one organization, with their workspace ids, in one query. */
  grantsOfUsers(manager: EntityManager, organizationId: string, userIds: string[]): Promise<GrantView[]> {
    return this.grantsWhere(manager, organizationId, 'g.user_id', userIds);
  }

  /** Grants by id (another organization's read as missing), with their workspace ids. */
  grantsByIds(manager: EntityManager, organizationId: string, grantIds: readonly string[]): Promise<GrantView[]> {
    return this.grantsWhere(manager, organizationId, 'g.id', [...new Set(grantIds)]);
  }

  private async grantsWhere(manager: EntityManager, organizationId: string, column: 'g.id' | 'g.user_id', values: string[]): Promise<GrantView[]> {
    const rows: GrantRow[] = [];
    for (const part of chunk(values)) {
      const partRows: GrantRow[] = await manager.query(
        `SELECT g.id, g.user_id, g.granted_by_id, g.granted_at, gw.workspace_id
           FROM marketo_access_grant g
           LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id AND gw.organization_id = g.organization_id
          WHERE g.organization_id = ? AND ${column} IN (${placeholders(part)})`,
        [organizationId, ...part],
      );
      rows.push(...partRows);
    }
    const grants = new Map<string, GrantView>();
    for (const row of rows) {
      let grant = grants.get(row.id);
      if (!grant) {
        grant = { id: row.id, userId: row.user_id, workspaceIds: [], grantedAt: utcDate(row.granted_at), grantedById: row.granted_by_id };
        grants.set(row.id, grant);
      }
      if (row.workspace_id) grant.workspaceIds.push(row.workspace_id);
    }
    for (const grant of grants.values()) grant.workspaceIds.sort();
    return [...grants.values()];
  }

  /**
   * The Team Access page's view of some users' Marketo access, complete (grant, grantor, workspaces
   * in drop-down order) from one query, so a page of 50 users costs one query and no field resolver
   * below `marketoAccess`. Users without a grant are NOT_CONNECTED.
   */
  async marketoAccessOfUsers(manager: EntityManager, organizationId: string, userIds: readonly string[], locale: string): Promise<Map<string, MarketoAccess>> {
    const access = new Map<string, MarketoAccess>(userIds.map((id) => [id, notConnected()]));
    for (const part of chunk([...userIds])) {
      const rows: AccessRow[] = await manager.query(
        `SELECT g.id AS grant_id, g.user_id, g.granted_at, g.granted_by_id,
                w.id AS workspace_id, w.name AS workspace_name, w.is_default AS workspace_is_default,
                ${LISTED_TEAM_USER_COLUMNS('u')}
           FROM marketo_access_grant g
           LEFT JOIN team_user u ON u.id = g.granted_by_id AND u.organization_id = g.organization_id
           LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id AND gw.organization_id = g.organization_id
           LEFT JOIN marketo_workspace w ON w.id = gw.workspace_id AND w.organization_id = g.organization_id
          WHERE g.organization_id = ? AND g.user_id IN (${placeholders(part)})`,
        [organizationId, ...part],
      );
      rows.forEach((row) => addAccessRow(access, row));
    }
    for (const entry of access.values()) {
      entry.grant?.workspaceIds.sort();
      entry.workspaces.sort(byDefaultThenName(locale));
    }
    return access;
  }

  async insertGrants(manager: EntityManager, organizationId: string, grants: GrantView[]): Promise<void> {
    await insertMany(
      manager,
      MarketoAccessGrant,
      grants.map(({ id, userId, grantedAt, grantedById }) => ({ id, organizationId, userId, grantedAt, grantedById })),
    );
    await insertMany(
      manager,
      MarketoAccessGrantWorkspace,
      grants.flatMap((grant) => grant.workspaceIds.map((workspaceId) => ({ grantId: grant.id, workspaceId, organizationId }))),
    );
  }

  /**
   * Deletes grants the transaction has just read. A DELETE that removes fewer rows than that means
   * another transaction removed some in between (an engine whose row lock held elsewhere): the whole
   * transaction then runs again (ConcurrentChangeError is retried), plans from what is left, and so
   * audits only the grants its own DELETE removed.
   */
  async deleteGrants(manager: EntityManager, organizationId: string, grantIds: string[]): Promise<void> {
    for (const part of chunk(grantIds)) {
      await manager.delete(MarketoAccessGrantWorkspace, { organizationId, grantId: In(part) });
      const { affected } = await manager.delete(MarketoAccessGrant, { organizationId, id: In(part) });
      if (affected !== part.length) throw new ConcurrentChangeError(`${part.length - (affected ?? 0)} grants were already removed`);
    }
  }
}

function addAccessRow(access: Map<string, MarketoAccess>, row: AccessRow): void {
  let entry = access.get(row.user_id)!;
  if (!entry.grant) {
    const grant: GrantView = { id: row.grant_id, userId: row.user_id, workspaceIds: [], grantedAt: utcDate(row.granted_at), grantedById: row.granted_by_id };
    entry = { status: MarketoAccessStatus.CONNECTED, grant, grantedAt: grant.grantedAt, grantedBy: row.id ? listedTeamUserOf(row) : null, workspaces: [] };
    access.set(row.user_id, entry);
  }
  if (row.workspace_id) {
    entry.grant!.workspaceIds.push(row.workspace_id);
    entry.workspaces.push({ id: row.workspace_id, name: row.workspace_name!, isDefault: Boolean(row.workspace_is_default) } as MarketoWorkspace);
  }
}

/** What a search becomes before matching: folded as search_text is (invitee.rules), trimmed. */
export const teamAccessSearchOf = (search: string | null | undefined): string => (search ? foldForSearch(search.trim()) : '');

/** Trigrams need three characters: a shorter search reads an index of the organization's users instead. */
const TRIGRAM = 3;

interface TeamAccessMatching {
  /** The users read: the team, or on SQLite with a search of three characters or more, its trigram index's matches. */
  users: string;
  where: string;
  params: unknown[];
  /** The search as matched (folded, trimmed): part of the cursors' scope. */
  search: string;
}

/**
 * The Team Access list without paging. A search of three characters or more on SQLite starts from the
 * trigram index (migration 1764500000000; CROSS JOIN keeps SQLite from walking the whole team in name
 * order instead) and is checked again with LIKE, so the answer is exactly LIKE's: the index only decides
 * which rows are read.
 */
function teamAccessMatching(manager: EntityManager, organizationId: string, filter: TeamAccessFilter): TeamAccessMatching {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const search = teamAccessSearchOf(filter.search);
  const trigrams = Boolean(search) && manager.connection.options.type === 'better-sqlite3' && [...search].length >= TRIGRAM;
  if (trigrams) {
    conditions.push('s.search_text MATCH ?', 'u.id = s.user_id');
    params.push(`"${search.replace(/"/g, '""')}"`);
  }
  conditions.push('u.organization_id = ?');
  params.push(organizationId);
  if (search) {
    conditions.push("u.search_text LIKE ? ESCAPE '!'");
    params.push(`%${search.replace(/[!%_]/g, '!$&')}%`);
  }
  if (filter.status) {
    const exists = 'EXISTS (SELECT 1 FROM marketo_access_grant g WHERE g.user_id = u.id)';
    conditions.push(filter.status === MarketoAccessStatus.CONNECTED ? exists : `NOT ${exists}`);
  }
  return { users: trigrams ? 'team_user_search s CROSS JOIN team_user u' : 'team_user u', where: conditions.join(' AND '), params, search };
}

async function exists(manager: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  const [row] = await manager.query(`SELECT EXISTS (${sql}) AS found`, params);
  return Boolean(Number(row.found));
}

const notConnected = (): MarketoAccess => ({ status: MarketoAccessStatus.NOT_CONNECTED, grant: null, grantedAt: null, grantedBy: null, workspaces: [] });
