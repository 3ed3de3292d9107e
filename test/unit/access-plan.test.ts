import { planConnect, planDisconnect } from '../../src/modules/access/access.rules';
import type { GrantView } from '../../src/modules/access/marketo-access-grant.entity';
import type { MarketoWorkspace } from '../../src/modules/organization/marketo-workspace.entity';
import { ItemErrorCode } from '../../src/graphql/item-error-code';
import type { TeamUser } from '../../src/modules/team/team-user.entity';

const user = (id: string) => ({ id, name: `User ${id}` }) as TeamUser;
const workspace = (id: string, isDefault = false) => ({ id, name: id, isDefault }) as MarketoWorkspace;
const grant = (userId: string, workspaceIds: string[]): GrantView => ({
  id: `g-${userId}`,
  userId,
  workspaceIds,
  grantedAt: new Date(0),
  grantedById: 'admin',
});

const workspaces = [workspace('default', true), workspace('emea'), workspace('apac')];
const users = new Map(['u1', 'u2', 'u3'].map((id) => [id, user(id)]));
const newGrant = (userId: string, workspaceIds: string[]) => grant(userId, workspaceIds);

function connect(assignments: { userIds: string[]; workspaceIds?: string[] | null }[], options: { grants?: GrantView[]; workspacesEnabled?: boolean } = {}) {
  const grants = new Map((options.grants ?? []).map((existing) => [existing.userId, existing]));
  return planConnect({ users, grants, workspaces, workspacesEnabled: options.workspacesEnabled ?? true, assignments, newGrant });
}

const kinds = (outcomes: { kind: string; code?: string }[]) => outcomes.map((outcome) => outcome.code ?? outcome.kind);

describe('planConnect', () => {
  it('gives the Default workspace when none (or an empty list) is selected (R5)', () => {
    const { created } = connect([{ userIds: ['u1'] }, { userIds: ['u2'], workspaceIds: [] }]);
    expect(created.map((g) => g.workspaceIds)).toEqual([['default'], ['default']]);
  });

  it('gives each assignment its own workspaces, without duplicates (R4)', () => {
    const { created } = connect([
      { userIds: ['u1'], workspaceIds: ['emea', 'apac', 'emea'] },
      { userIds: ['u2'], workspaceIds: ['apac'] },
    ]);
    expect(created.map((g) => [g.userId, g.workspaceIds])).toEqual([
      ['u1', ['apac', 'emea']],
      ['u2', ['apac']],
    ]);
  });

  it('answers per item, in input order, and grants the rest', () => {
    const { outcomes, created } = connect([{ userIds: ['u1', 'ghost'] }, { userIds: ['u2'], workspaceIds: ['nowhere'] }, { userIds: ['u3'] }]);
    expect(kinds(outcomes)).toEqual(['granted', ItemErrorCode.USER_NOT_FOUND, ItemErrorCode.WORKSPACE_NOT_FOUND, 'granted']);
    expect(outcomes[2]).toMatchObject({ params: { workspaceId: 'nowhere' } });
    expect(created.map((g) => g.userId)).toEqual(['u1', 'u3']);
  });

  it('refuses workspaces when the subscription has them disabled, but still grants the Default', () => {
    const { outcomes } = connect([{ userIds: ['u1'], workspaceIds: ['emea'] }, { userIds: ['u2'] }], { workspacesEnabled: false });
    expect(kinds(outcomes)).toEqual([ItemErrorCode.WORKSPACES_NOT_ENABLED, 'granted']);
  });

  it('reports an existing grant with the same workspaces as unchanged, in any order, and other ones as already connected (R6)', () => {
    const grants = [grant('u1', ['apac', 'emea']), grant('u2', ['default'])];
    const { outcomes, created } = connect(
      [
        { userIds: ['u1'], workspaceIds: ['emea', 'apac'] },
        { userIds: ['u2'], workspaceIds: ['emea'] },
      ],
      { grants },
    );
    expect(kinds(outcomes)).toEqual(['unchanged', ItemErrorCode.ALREADY_CONNECTED]);
    expect(outcomes[1]).toMatchObject({ params: { name: 'User u2' } });
    expect(created).toEqual([]);
  });

  it('grants a user named more than once at the first occurrence; the others are DUPLICATE, pointing at it', () => {
    const { outcomes, created } = connect([{ userIds: ['u1', 'u1'] }, { userIds: ['u2', 'u1'], workspaceIds: ['emea'] }]);
    expect(kinds(outcomes)).toEqual(['granted', ItemErrorCode.DUPLICATE, 'granted', ItemErrorCode.DUPLICATE]);
    expect(outcomes.map((outcome) => (outcome.kind === 'error' ? outcome.params.firstIndex : null))).toEqual([null, '0', null, '0']);
    expect(created).toHaveLength(2);
  });

  it('does not mistake a user-not-found for a workspace problem', () => {
    const { outcomes } = connect([{ userIds: ['ghost'], workspaceIds: ['nowhere'] }]);
    expect(kinds(outcomes)).toEqual([ItemErrorCode.USER_NOT_FOUND]);
  });
});

describe('planDisconnect', () => {
  it('removes existing grants once and reports the rest per item', () => {
    const grants = new Map([['u1', grant('u1', ['default'])]]);
    const { outcomes, removed } = planDisconnect({ users, grants, userIds: ['u1', 'u1', 'u2', 'ghost'] });
    expect(kinds(outcomes)).toEqual(['disconnected', ItemErrorCode.DUPLICATE, ItemErrorCode.NOT_CONNECTED, ItemErrorCode.USER_NOT_FOUND]);
    expect(removed.map((g) => g.id)).toEqual(['g-u1']);
  });
});
