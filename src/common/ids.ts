import { randomBytes } from 'node:crypto';

let lastMillis = 0;
let counter = 0;

/**
 * A UUID version 7: time-ordered (48-bit milliseconds, then a 12-bit counter within the millisecond),
 * so rows inserted in one process sort by id in insertion order, which keyset pagination relies on.
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastMillis) {
    counter += 1;
    if (counter > 0xfff) {
      lastMillis += 1;
      counter = 0;
    }
  } else {
    lastMillis = now;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMillis, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a client-supplied id can name a row at all; anything else is simply "not found". */
export function isWellFormedId(id: string): boolean {
  return UUID.test(id);
}
