import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { badInput } from './app-error';
import { BadInputReason } from './error-codes';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay's arguments: `first`/`after` page forward, `last`/`before` page backward. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** What a repository needs to read one page: how many rows, in which direction, from which cursor. */
export interface PageRequest {
  size: number;
  /** Read the rows before `cursor` (`last`/`before`); they are still returned in list order. */
  backward: boolean;
  cursor: string | null;
}

/** One page of a keyset-paginated list, before it becomes a GraphQL connection. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Known with the page, or counted when a client asks for it (the count may cost more than the page). */
  totalCount: number | (() => Promise<number>);
  cursorOf(node: T): string;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput(BadInputReason.PAGE_SIZE_OUT_OF_RANGE, { max: MAX_PAGE_SIZE });
  return size;
}

/**
 * Relay's arguments as one direction. Mixing the two directions (`first` with `last`, or `after` with
 * `before`, ...) is refused rather than guessed at: no client of ours needs it.
 */
export function pageRequest(args: PageArgs): PageRequest {
  const forward = args.first != null || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward) throw badInput(BadInputReason.PAGE_DIRECTION_CONFLICT);
  return backward
    ? { size: pageSize(args.last), backward: true, cursor: args.before ?? null }
    : { size: pageSize(args.first), backward: false, cursor: args.after ?? null };
}

/**
 * Which list a cursor belongs to: the list, its order and its filters. A cursor is only valid for the
 * same scope, so a cursor of another list, order or search cannot silently skip or repeat rows.
 */
export interface CursorScope {
  list: string;
  order: string;
  filter: unknown;
}

export type CursorKey = (string | null)[];

/**
 * Cursors are AES-256-GCM sealed: clients can neither read the sort key (names, e-mails) nor forge
 * one. The key comes from CURSOR_SECRET (`setCursorSecret`, at start-up); without it each process
 * makes its own, so cursors then do not survive a restart or cross to another replica.
 */
let cursorKey = randomBytes(32);

export function setCursorSecret(secret: string): void {
  cursorKey = createHash('sha256').update(`cursor:${secret}`).digest();
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function scopeId(scope: CursorScope): string {
  const filter = createHash('sha256')
    .update(JSON.stringify(scope.filter ?? null))
    .digest('base64url')
    .slice(0, 16);
  return `${scope.list}:${scope.order}:${filter}`;
}

export function encodeCursor(scope: CursorScope, key: CursorKey): string {
  const plain = Buffer.from(JSON.stringify({ s: scopeId(scope), k: key }), 'utf8');
  // A synthetic IV (an HMAC of the content): the same row always gets the same cursor, and an IV is
  // never reused for different content.
  const iv = createHmac('sha256', cursorKey).update(plain).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The sort key of a cursor of this scope; INVALID_CURSOR for a tampered one or one of another scope. */
export function decodeCursor(cursor: string, scope: CursorScope, isValid: (key: CursorKey) => boolean): CursorKey {
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', cursorKey, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    const { s, k }: { s: unknown; k: unknown } = JSON.parse(plain);
    if (s === scopeId(scope) && Array.isArray(k) && k.every((value) => value === null || typeof value === 'string') && isValid(k)) return k;
  } catch {
    // falls through to the error below
  }
  throw badInput(BadInputReason.INVALID_CURSOR);
}
