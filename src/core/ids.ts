import { v7 as uuidv7 } from 'uuid';

/**
 * A UUID version 7: time-ordered, and monotonic within this process (uuid counts within a
 * millisecond), so rows inserted by one process sort by id in insertion order, which keyset
 * pagination relies on.
 */
export function newId(): string {
  return uuidv7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a client-supplied id can name a row at all; anything else is simply "not found". */
export function isWellFormedId(id: string): boolean {
  return UUID.test(id);
}
