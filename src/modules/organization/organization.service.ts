import type { RequestContext } from '../../core/request-context';
import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import { AuditAction } from '../../kernel/audit-event.entity';
import type { OrganizationMutations } from '../../kernel/organization-mutation';
import type { Organization } from '../../kernel/organization.entity';
import { findOrganization } from '../../kernel/mutation.repository';
import { byDefaultThenName, DEFAULT_WORKSPACE_NAME, type MarketoWorkspace } from './marketo-workspace.entity';
import { missingWorkspaceNames } from './workspace-names';
import { OrganizationErrorCode, organizationError, workspaceNamesWithoutWorkspaces } from './organization.errors';
import type { ConnectMarketoInput } from './organization.inputs';
import type { OrganizationRepository } from './organization.repository';

export class OrganizationService {
  constructor(
    private readonly db: Database,
    private readonly mutations: OrganizationMutations,
    private readonly repository: OrganizationRepository,
  ) {}

  organizationOf(viewer: Viewer): Promise<Organization> {
    return findOrganization(this.db.manager, viewer.organizationId);
  }

  /** The organization's Marketo workspaces, in drop-down order for the reader's language. */
  async workspaces(viewer: Viewer, locale: string): Promise<MarketoWorkspace[]> {
    const workspaces = await this.repository.workspaces(this.db.manager, viewer.organizationId);
    return workspaces.sort(byDefaultThenName(locale));
  }

  /** Records that the product is now connected with Marketo: starts R2's ten-minute clock. */
  async connectMarketo(ctx: RequestContext, viewer: Viewer, input: ConnectMarketoInput): Promise<Organization> {
    // Refused before the transaction (nothing is written), and again against the existing workspaces inside it.
    const names = missingWorkspaceNames(input.workspaceNames ?? []);
    if (names.length > 0 && !input.workspacesEnabled) throw workspaceNamesWithoutWorkspaces();
    const canonical = { workspacesEnabled: input.workspacesEnabled, workspaceNames: names };
    const { result } = await this.mutations.run(ctx, viewer, { operation: 'connectMarketo', input: canonical }, async ({ manager, organization, now }) => {
      if (organization.marketoConnectedAt) throw organizationError(OrganizationErrorCode.MARKETO_ALREADY_CONNECTED);
      const existing = await this.repository.workspaces(manager, organization.id);
      const missing = missingWorkspaceNames([DEFAULT_WORKSPACE_NAME, ...names], existing);
      await this.repository.recordMarketoConnected(manager, organization, now, input.workspacesEnabled);
      await this.repository.addWorkspaces(manager, organization.id, missing, now);
      const details = { workspacesEnabled: input.workspacesEnabled, workspaceNames: names };
      return { result: organization, audit: [{ action: AuditAction.MARKETO_CONNECTED, targetType: 'Organization', targetId: organization.id, details }] };
    });
    return result;
  }
}
