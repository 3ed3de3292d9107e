import type { ConnectOutcome, DisconnectOutcome, ItemError } from './access.rules';
import { accessErrorKey, type AccessErrorCode } from './access.errors';
import {
  ConnectMarketoUsersPayload,
  DisconnectMarketoUsersPayload,
  MarketoAccessGranted,
  MarketoAccessRevoked,
  MarketoAccessUnchanged,
  UserAccessError,
} from './access.types';

/** Service outcomes → typed GraphQL results (class instances, so the result unions can tell them apart). */
export function connectPayload(outcomes: ConnectOutcome[], replayed: boolean): ConnectMarketoUsersPayload {
  const results = outcomes.map((outcome, index) => {
    switch (outcome.kind) {
      case 'granted':
        return Object.assign(new MarketoAccessGranted(), { userId: outcome.userId, index, grant: outcome.grant });
      case 'unchanged':
        return Object.assign(new MarketoAccessUnchanged(), { userId: outcome.userId, index, grant: outcome.grant });
      case 'error':
        return userError(outcome, index);
    }
  });
  return {
    results,
    connectedCount: count(outcomes, 'granted'),
    unchangedCount: count(outcomes, 'unchanged'),
    errorCount: count(outcomes, 'error'),
    replayed,
  };
}

export function disconnectPayload(outcomes: DisconnectOutcome[], replayed: boolean): DisconnectMarketoUsersPayload {
  const results = outcomes.map((outcome, index) =>
    outcome.kind === 'disconnected'
      ? Object.assign(new MarketoAccessRevoked(), { userId: outcome.userId, index, revokedGrant: outcome.grant })
      : userError(outcome, index),
  );
  return { results, disconnectedCount: count(outcomes, 'disconnected'), errorCount: count(outcomes, 'error'), replayed };
}

function userError(outcome: ItemError<AccessErrorCode>, index: number): UserAccessError {
  return Object.assign(new UserAccessError(), {
    userId: outcome.userId,
    index,
    code: outcome.code,
    i18nKey: accessErrorKey(outcome.code),
    i18nParams: outcome.params,
  });
}

const count = (outcomes: { kind: string }[], kind: string) => outcomes.filter((outcome) => outcome.kind === kind).length;
