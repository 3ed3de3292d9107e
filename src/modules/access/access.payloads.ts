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

/**
 * How the input spelled its ids (global ids, or raw UUIDs), so results answer ids as given: `userIds`,
 * one per outcome, and `spellingOf` for the local ids in message parameters.
 */
export interface InputSpelling {
  userIds: string[];
  spellingOf: Map<string, string>;
}

/** Service outcomes → typed GraphQL results (class instances, so the result unions can tell them apart). */
export function connectPayload(outcomes: ConnectOutcome[], replayed: boolean, given: InputSpelling): ConnectMarketoUsersPayload {
  const results = outcomes.map((outcome, index) => {
    switch (outcome.kind) {
      case 'granted':
        return Object.assign(new MarketoAccessGranted(), { userId: given.userIds[index] ?? outcome.userId, index, grant: outcome.grant });
      case 'unchanged':
        return Object.assign(new MarketoAccessUnchanged(), { userId: given.userIds[index] ?? outcome.userId, index, grant: outcome.grant });
      case 'error':
        return userError(outcome, index, given);
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

export function disconnectPayload(outcomes: DisconnectOutcome[], replayed: boolean, given: InputSpelling): DisconnectMarketoUsersPayload {
  const results = outcomes.map((outcome, index) =>
    outcome.kind === 'disconnected'
      ? Object.assign(new MarketoAccessRevoked(), { userId: given.userIds[index] ?? outcome.userId, index, revokedGrant: outcome.grant })
      : userError(outcome, index, given),
  );
  return { results, disconnectedCount: count(outcomes, 'disconnected'), errorCount: count(outcomes, 'error'), replayed };
}

function userError(outcome: ItemError<AccessErrorCode>, index: number, given: InputSpelling): UserAccessError {
  return Object.assign(new UserAccessError(), {
    userId: given.userIds[index] ?? outcome.userId,
    index,
    code: outcome.code,
    i18nKey: accessErrorKey(outcome.code),
    i18nParams: Object.fromEntries(Object.entries(outcome.params).map(([name, value]) => [name, given.spellingOf.get(value) ?? value])),
  });
}

const count = (outcomes: { kind: string }[], kind: string) => outcomes.filter((outcome) => outcome.kind === kind).length;

/** Local ids of the input as it spelled them, and the spelling of each local id (its first). */
export function spellingOf(userIds: string[], toLocal: (id: string) => string, otherIds: [string, string][] = []): { local: string[]; given: InputSpelling } {
  const spelling = new Map<string, string>();
  const local = userIds.map((id) => {
    const localId = toLocal(id);
    if (!spelling.has(localId)) spelling.set(localId, id);
    return localId;
  });
  for (const [localId, id] of otherIds) if (!spelling.has(localId)) spelling.set(localId, id);
  return { local, given: { userIds, spellingOf: spelling } };
}
