import type { Organization } from '../../kernel/organization.entity';
import { OrganizationErrorCode, organizationError } from './organization.errors';

/** R2: access can be granted ten minutes after the product was connected with Marketo. */
export const READY_DELAY_MS = 10 * 60 * 1000;

export interface MarketoConnectionState {
  /** The organization's id: there is one connection per organization. */
  id: string;
  connected: boolean;
  connectedAt: Date | null;
  readyAt: Date | null;
  ready: boolean;
  /** Seconds until access can be granted; 0 once ready, null when not connected. */
  retryAfterSeconds: number | null;
  workspacesEnabled: boolean;
}

export function connectionState(organization: Organization, now: Date): MarketoConnectionState {
  const connectedAt = organization.marketoConnectedAt;
  if (!connectedAt) {
    return {
      id: organization.id,
      connected: false,
      connectedAt: null,
      readyAt: null,
      ready: false,
      retryAfterSeconds: null,
      workspacesEnabled: organization.marketoWorkspacesEnabled,
    };
  }
  const readyAt = new Date(connectedAt.getTime() + READY_DELAY_MS);
  const retryAfterSeconds = Math.max(0, Math.ceil((readyAt.getTime() - now.getTime()) / 1000));
  return {
    id: organization.id,
    connected: true,
    connectedAt,
    readyAt,
    ready: retryAfterSeconds === 0,
    retryAfterSeconds,
    workspacesEnabled: organization.marketoWorkspacesEnabled,
  };
}

/** Throws the request error that stops a grant: not connected, or connected less than ten minutes ago. */
export function assertReadyForGrants(organization: Organization, now: Date): void {
  const state = connectionState(organization, now);
  if (!state.connected) throw organizationError(OrganizationErrorCode.MARKETO_NOT_CONNECTED);
  if (!state.ready) {
    const retryAfterSeconds = state.retryAfterSeconds!;
    throw organizationError(OrganizationErrorCode.MARKETO_CONNECTION_NOT_READY, {
      params: { count: Math.ceil(retryAfterSeconds / 60) },
      extensions: { retryAfterSeconds, readyAt: state.readyAt!.toISOString() },
    });
  }
}
