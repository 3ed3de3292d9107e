import { isWellFormedId, newId } from '../../src/core/ids';
import { decodeCursor, encodeCursor, pageSize } from '../../src/core/pagination';

describe('newId', () => {
  it('makes UUIDs that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids.map((id) => id.slice(0, 13))).size).toBeLessThan(ids.length); // many share a millisecond
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every(isWellFormedId)).toBe(true);
  });
});

describe('cursors and page sizes', () => {
  it('round-trip a sort key through an opaque cursor', () => {
    const cursor = encodeCursor(['Chloé Moreau', 'some-id']);
    expect(decodeCursor(cursor, (values) => values.length === 2)).toEqual(['Chloé Moreau', 'some-id']);
  });

  it('refuse cursors that were not made here', () => {
    for (const cursor of ['garbage', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(cursor, (values) => values.length === 2)).toThrow(expect.objectContaining({ messageKey: 'request.INVALID_CURSOR' }));
    }
  });

  it('accept 1 to 100 items per page, 20 by default', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    for (const size of [0, -1, 101, 2.5]) expect(() => pageSize(size)).toThrow(expect.objectContaining({ messageKey: 'request.PAGE_SIZE_OUT_OF_RANGE' }));
  });
});
