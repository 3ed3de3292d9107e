import { badInput } from './app-error';
import { BadInputReason } from './error-codes';

/** The most items (users, invitees) one bulk call may name, across all of its parts. */
export const MAX_BATCH_SIZE = 1000;

/** Refuses an empty or oversized batch before anything is read or written. */
export function assertBatchSize(count: number): void {
  if (count === 0) throw badInput(BadInputReason.EMPTY_BATCH);
  if (count > MAX_BATCH_SIZE) throw badInput(BadInputReason.BATCH_TOO_LARGE, { max: MAX_BATCH_SIZE, count });
}
