import { useState } from 'react';
import type { CombinedError } from 'urql';
import { errorCode } from '../../../lib/graphqlErrors';
import { useConnectMarketoUsers } from '../api/useConnectMarketoUsers';
import { useDisconnectMarketoUsers } from '../api/useDisconnectMarketoUsers';
import type { AccessActionOutcome, ActionSummary, RowResult } from '../api/userResults';

/** Errors that mean the page's idea of the Marketo connection is out of date. */
const CONNECTION_ERROR_CODES = ['MARKETO_CONNECTION_NOT_READY', 'MARKETO_NOT_CONNECTED'];

interface Options {
  onSucceeded: () => void;
  /** The connection turned out not to be ready (or not connected): read it again. */
  onConnectionError: () => void;
}

/**
 * Connect and Disconnect with what came of them: the counts of the last one, the result of every
 * user any of them touched, or the error that stopped the last one.
 */
export function useAccessActions({ onSucceeded, onConnectionError }: Options) {
  const { connectUsers, connecting } = useConnectMarketoUsers();
  const { disconnectUsers, disconnecting } = useDisconnectMarketoUsers();
  const [rowResults, setRowResults] = useState<ReadonlyMap<string, RowResult>>(new Map());
  const [summary, setSummary] = useState<ActionSummary>();
  const [error, setError] = useState<CombinedError>();

  const run = async (action: () => Promise<AccessActionOutcome>) => {
    setSummary(undefined);
    setError(undefined);
    const outcome = await action();
    if (!outcome.ok) {
      setError(outcome.error);
      if (CONNECTION_ERROR_CODES.includes(errorCode(outcome.error) ?? '')) onConnectionError();
      return;
    }
    setRowResults((previous) => new Map([...previous, ...outcome.rowResults]));
    setSummary(outcome.summary);
    onSucceeded();
  };

  return {
    busy: connecting || disconnecting,
    rowResults,
    summary,
    error,
    connect: (userIds: string[], workspaceIds: string[]) => run(() => connectUsers(userIds, workspaceIds)),
    disconnect: (userIds: string[]) => run(() => disconnectUsers(userIds)),
  };
}
