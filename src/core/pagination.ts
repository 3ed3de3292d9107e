import { badInput } from './app-error';
import { BadInputReason } from './error-codes';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** One page of a keyset-paginated list, before it becomes a GraphQL connection. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  totalCount: number;
  cursorOf(node: T): string;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput(BadInputReason.PAGE_SIZE_OUT_OF_RANGE, { max: MAX_PAGE_SIZE });
  return size;
}

/** An opaque cursor: the sort key of the last row seen. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, isValid: (values: string[]) => boolean): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.every((value) => typeof value === 'string') && isValid(values)) return values;
  } catch {
    // falls through to the error below
  }
  throw badInput(BadInputReason.INVALID_CURSOR);
}
