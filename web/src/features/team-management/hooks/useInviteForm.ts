import { useState } from 'react';
import type { CombinedError } from 'urql';
import { useInviteUsers, type Invitee, type InviteeResult } from '../api/useInviteUsers';

export interface InviteeRow extends Invitee {
  /** Stable across edits and removals, for React's list keys. */
  key: number;
}

export interface InviteSummary {
  invited: number;
  errors: number;
}

// Row keys only need to differ from each other; a module counter keeps them so without touching a ref during render.
let lastRowKey = 0;
const newRow = (): InviteeRow => ({ key: ++lastRowKey, name: '', email: '', role: 'MEMBER' });

const isBlank = (row: Invitee) => row.name.trim() === '' && row.email.trim() === '';

/**
 * The rows of the invite form and what came of the last Invite. Blank rows are not sent; a row the server
 * refused stays in the form to be corrected, an invited one leaves it.
 */
export function useInviteForm() {
  const { inviteUsers, inviting } = useInviteUsers();
  const [rows, setRows] = useState<InviteeRow[]>(() => [newRow()]);
  const [results, setResults] = useState<InviteeResult[]>([]);
  const [summary, setSummary] = useState<InviteSummary>();
  const [error, setError] = useState<CombinedError>();

  const updateRow = (key: number, change: Partial<Invitee>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addRow = () => setRows((current) => [...current, newRow()]);
  const removeRow = (key: number) => setRows((current) => current.filter((row) => row.key !== key));

  const submit = async () => {
    const sent = rows.filter((row) => !isBlank(row));
    if (sent.length === 0) return;
    setSummary(undefined);
    setError(undefined);
    const outcome = await inviteUsers(sent.map(({ name, email, role }) => ({ name, email, role })));
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setResults(outcome.results);
    setSummary({ invited: outcome.invitedCount, errors: outcome.errorCount });
    const refused = sent.filter((_, index) => outcome.results[index]?.kind === 'error');
    setRows(refused.length > 0 ? refused : [newRow()]);
  };

  return { rows, updateRow, addRow, removeRow, canSubmit: !inviting && rows.some((row) => !isBlank(row)), submit, inviting, results, summary, error };
}
