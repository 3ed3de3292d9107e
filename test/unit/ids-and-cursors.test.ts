import { isWellFormedId, newId } from '../../src/core/ids';
import { decodeCursor, encodeCursor, pageRequest, pageSize } from '../../src/core/pagination';

describe('newId', () => {
  it('makes UUIDs that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids.map((id) => id.slice(0, 13))).size).toBeLessThan(ids.length); // many share a millisecond
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every(isWellFormedId)).toBe(true);
  });
});

const SCOPE = { list: 'teamAccess', order: 'NAME:ASC', filter: { search: '', status: null } };
const pair = (key: (string | null)[]) => key.length === 2;

describe('cursors and page sizes', () => {
  it('round-trip a sort key through an opaque cursor that does not show it', () => {
    const cursor = encodeCursor(SCOPE, ['Chloé Moreau', 'some-id']);
    expect(decodeCursor(cursor, SCOPE, pair)).toEqual(['Chloé Moreau', 'some-id']);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('some-id');
    expect(encodeCursor(SCOPE, ['Chloé Moreau', 'some-id'])).toBe(cursor); // the same row, the same cursor
  });

  it('refuse cursors that were not made here, were changed, or belong to another list, order or filter', () => {
    const valid = encodeCursor(SCOPE, ['a', 'b']);
    const tampered = Buffer.from(valid, 'base64url');
    tampered[tampered.length - 1] ^= 1;
    const others = [
      encodeCursor({ ...SCOPE, list: 'auditEvents' }, ['a', 'b']),
      encodeCursor({ ...SCOPE, order: 'EMAIL:ASC' }, ['a', 'b']),
      encodeCursor({ ...SCOPE, filter: { search: 'x', status: null } }, ['a', 'b']),
    ];
    for (const cursor of [
      'garbage',
      '',
      encodeCursor(SCOPE, ['only-one']),
      tampered.toString('base64url'),
      Buffer.from('["a","b"]').toString('base64url'),
      ...others,
    ]) {
      expect(() => decodeCursor(cursor, SCOPE, pair)).toThrow(expect.objectContaining({ messageKey: 'request.INVALID_CURSOR' }));
    }
  });

  it('accept 1 to 100 items per page, 20 by default', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    for (const size of [0, -1, 101, 2.5]) expect(() => pageSize(size)).toThrow(expect.objectContaining({ messageKey: 'request.PAGE_SIZE_OUT_OF_RANGE' }));
  });

  it('page forward with first/after or backward with last/before, never both', () => {
    expect(pageRequest({})).toEqual({ size: 20, backward: false, cursor: null });
    expect(pageRequest({ first: 5, after: 'c' })).toEqual({ size: 5, backward: false, cursor: 'c' });
    expect(pageRequest({ last: 7 })).toEqual({ size: 7, backward: true, cursor: null });
    expect(pageRequest({ before: 'c' })).toEqual({ size: 20, backward: true, cursor: 'c' });
    for (const args of [
      { first: 1, last: 1 },
      { after: 'a', before: 'b' },
      { first: 1, before: 'b' },
      { last: 1, after: 'a' },
    ]) {
      expect(() => pageRequest(args)).toThrow(expect.objectContaining({ messageKey: 'request.PAGE_DIRECTION_CONFLICT' }));
    }
  });
});
