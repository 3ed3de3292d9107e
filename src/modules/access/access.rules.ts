import { ItemErrorCode } from '../../graphql/item-error-code';
import type { MarketoWorkspace } from '../organization/marketo-workspace.entity';
import type { TeamUser } from '../team/team-user.entity';
import type { ConnectErrorCode, DisconnectErrorCode } from './access.errors';
import type { GrantView } from './marketo-access-grant.entity';

export interface ItemError<Code> {
  kind: 'error';
  userId: string;
  code: Code;
  params: Record<string, string>;
}

export type ConnectOutcome = { kind: 'granted' | 'unchanged'; userId: string; grant: GrantView } | ItemError<ConnectErrorCode>;

export type DisconnectOutcome = { kind: 'disconnected'; userId: string; grant: GrantView } | ItemError<DisconnectErrorCode>;

interface AccessState {
  /** The named users that exist in the caller's organization, by id. */
  users: Map<string, TeamUser>;
  /** Their current grants, by user id. */
  grants: Map<string, GrantView>;
}

export interface ConnectPlanInput extends AccessState {
  workspaces: MarketoWorkspace[];
  workspacesEnabled: boolean;
  assignments: { userIds: string[]; workspaceIds?: string[] | null }[];
  newGrant(userId: string, workspaceIds: string[]): GrantView;
}

/**
 * Decides each user's outcome, one per input item in input order (across assignments). A user named
 * more than once gets its outcome at the first occurrence and DUPLICATE at the others, so one call
 * never reports contradictory results for one user. Pure: the caller reads the state and writes `created`.
 */
export function planConnect(input: ConnectPlanInput): { outcomes: ConnectOutcome[]; created: GrantView[] } {
  const grants = new Map(input.grants);
  const created: GrantView[] = [];
  const firstOccurrence = new FirstOccurrences();
  const outcomes = input.assignments.flatMap((assignment) => {
    const target = resolveWorkspaces(input, assignment.workspaceIds ?? []);
    return assignment.userIds.map((userId): ConnectOutcome => {
      const duplicate = firstOccurrence.duplicateOf(userId);
      if (duplicate) return duplicate;
      const user = input.users.get(userId);
      if (!user) return itemError(userId, ItemErrorCode.USER_NOT_FOUND, { userId });
      if ('code' in target) return itemError(userId, target.code, target.params);
      const existing = grants.get(userId);
      if (existing) {
        return sameSet(existing.workspaceIds, target.workspaceIds)
          ? { kind: 'unchanged', userId, grant: existing }
          : itemError(userId, ItemErrorCode.ALREADY_CONNECTED, { name: user.name });
      }
      const grant = input.newGrant(userId, target.workspaceIds);
      grants.set(userId, grant);
      created.push(grant);
      return { kind: 'granted', userId, grant };
    });
  });
  return { outcomes, created };
}

/** Decides each user's outcome, in input order; a user named more than once is DUPLICATE after the first. */
export function planDisconnect(input: AccessState & { userIds: string[] }): { outcomes: DisconnectOutcome[]; removed: GrantView[] } {
  const grants = new Map(input.grants);
  const removed: GrantView[] = [];
  const firstOccurrence = new FirstOccurrences();
  const outcomes = input.userIds.map((userId): DisconnectOutcome => {
    const duplicate = firstOccurrence.duplicateOf(userId);
    if (duplicate) return duplicate;
    const user = input.users.get(userId);
    if (!user) return itemError(userId, ItemErrorCode.USER_NOT_FOUND, { userId });
    const grant = grants.get(userId);
    if (!grant) return itemError(userId, ItemErrorCode.NOT_CONNECTED, { name: user.name });
    grants.delete(userId);
    removed.push(grant);
    return { kind: 'disconnected', userId, grant };
  });
  return { outcomes, removed };
}

type WorkspaceTarget = { workspaceIds: string[] } | { code: ConnectErrorCode; params: Record<string, string> };

/** R4/R5: the workspaces an assignment gives, the Default one when it names none. */
function resolveWorkspaces(input: ConnectPlanInput, requested: string[]): WorkspaceTarget {
  // Sorted first, so the unknown id reported does not depend on the input's order (a retry in another order replays).
  const wanted = [...new Set(requested)].sort();
  if (wanted.length === 0) {
    const defaultWorkspace = input.workspaces.find((workspace) => workspace.isDefault);
    if (!defaultWorkspace) throw new Error('The organization has no Default Marketo workspace');
    return { workspaceIds: [defaultWorkspace.id] };
  }
  if (!input.workspacesEnabled) return { code: ItemErrorCode.WORKSPACES_NOT_ENABLED, params: {} };
  const known = new Set(input.workspaces.map((workspace) => workspace.id));
  const unknown = wanted.find((id) => !known.has(id));
  if (unknown !== undefined) return { code: ItemErrorCode.WORKSPACE_NOT_FOUND, params: { workspaceId: unknown } };
  return { workspaceIds: wanted };
}

function sameSet(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((id) => set.has(id));
}

/** Where each user id of a call was first named; later occurrences are DUPLICATE errors pointing at it. */
class FirstOccurrences {
  private readonly indexOf = new Map<string, number>();
  private position = 0;

  duplicateOf(userId: string): ItemError<ItemErrorCode.DUPLICATE> | null {
    const index = this.position++;
    const first = this.indexOf.get(userId);
    if (first === undefined) {
      this.indexOf.set(userId, index);
      return null;
    }
    return itemError(userId, ItemErrorCode.DUPLICATE, { userId, firstIndex: String(first) });
  }
}

function itemError<Code>(userId: string, code: Code, params: Record<string, string>): ItemError<Code> {
  return { kind: 'error', userId, code, params };
}
