import type { TFunction } from 'i18next';
import { describeItemError } from '../errors/item-error';
import type { ConnectOutcome, DisconnectOutcome, ItemError } from './access-plan';
import {
  ConnectMarketoUsersPayload,
  DisconnectMarketoUsersPayload,
  MarketoAccessGranted,
  MarketoAccessRevoked,
  MarketoAccessUnchanged,
  UserAccessError,
} from './access.types';

/** Service outcomes → typed GraphQL results, with error messages in the request's language. */
export function connectPayload(t: TFunction, outcomes: ConnectOutcome[], replayed: boolean): ConnectMarketoUsersPayload {
  const results = outcomes.map((outcome) => {
    switch (outcome.kind) {
      case 'granted':
        return Object.assign(new MarketoAccessGranted(), { userId: outcome.userId, grant: outcome.grant });
      case 'unchanged':
        return Object.assign(new MarketoAccessUnchanged(), { userId: outcome.userId, grant: outcome.grant });
      case 'error':
        return userError(t, outcome);
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

export function disconnectPayload(t: TFunction, outcomes: DisconnectOutcome[], replayed: boolean): DisconnectMarketoUsersPayload {
  const results = outcomes.map((outcome) =>
    outcome.kind === 'disconnected' ? Object.assign(new MarketoAccessRevoked(), { userId: outcome.userId, revokedGrant: outcome.grant }) : userError(t, outcome),
  );
  return { results, disconnectedCount: count(outcomes, 'disconnected'), errorCount: count(outcomes, 'error'), replayed };
}

function userError(t: TFunction, outcome: ItemError<Parameters<typeof describeItemError>[1]>): UserAccessError {
  return Object.assign(new UserAccessError(), { userId: outcome.userId, ...describeItemError(t, outcome.code, outcome.params) });
}

const count = (outcomes: { kind: string }[], kind: string) => outcomes.filter((outcome) => outcome.kind === kind).length;
