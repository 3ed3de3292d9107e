import { buildSchema, parse } from 'graphql';
import { inputItems, memoizedQueryCost, queryCost, returnedRows } from '../../src/graphql/query-cost';

const schema = buildSchema(`
  type Query { things(first: Int, search: String): ThingConnection! result: Result! list: [Thing!]! }
  type ThingConnection { totalCount: Int! edges: [ThingEdge!]! }
  type ThingEdge { node: Thing! }
  type Thing { id: ID! owner: Owner }
  type Owner { name: String! }
  type Cheap { id: ID! }
  type Dear { owner: Owner! thing: Thing! }
  union Result = Cheap | Dear
  input ItemsInput { userIds: [ID!]! }
  type Payload { count: Int! }
  type Mutation { act(input: ItemsInput!): Payload! }
`);
const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables);

describe('the query cost model', () => {
  it('prices scalars 0, objects 1, and pages by their size (default 20, at most 100)', () => {
    expect(cost('{ things(first: 10) { totalCount edges { node { id owner { name } } } } }')).toBe(1 + 10 * 3);
    expect(cost('{ things { edges { node { id } } } }')).toBe(1 + 20 * 2);
    expect(cost('query ($n: Int) { things(first: $n) { edges { node { id } } } }', { n: 5000 })).toBe(1 + 100 * 2);
    expect(cost('{ list { id } }')).toBe(1);
  });

  it('counts the dearest member of a union, and a fragment as its fields inline', () => {
    expect(cost('{ result { ... on Cheap { id } ... on Dear { owner { name } thing { owner { name } } } } }')).toBe(1 + 3);
    expect(cost('{ things(first: 10) { ...F } } fragment F on ThingConnection { edges { node { id } } }')).toBe(
      cost('{ things(first: 10) { edges { node { id } } } }'),
    );
  });

  it('prices a mutation 10 plus the items of its input, and answers null for variables that do not match', () => {
    expect(cost('mutation ($ids: [ID!]!) { act(input: { userIds: $ids }) { count } }', { ids: ['a', 'b', 'c'] })).toBe(10 + 3); // count is a scalar: free
    expect(cost('query ($n: Int) { things(first: $n) { totalCount } }', { n: 'many' })).toBeNull();
    expect(inputItems({ assignments: [{ userIds: ['a', 'b'], workspaceIds: ['w'] }, { userIds: ['c'] }] })).toBe(4);
    expect(
      inputItems({
        users: [
          { name: 'a', email: 'a@x' },
          { name: 'b', email: 'b@x' },
        ],
      }),
    ).toBe(2);
  });

  it('prices the actual cost by the rows each page returned, by response key, never above what was asked', () => {
    const query = parse('{ a: things(first: 10) { edges { node { id } } } b: things(first: 10) { edges { node { id } } } }');
    const data = { a: { edges: [{ node: { id: '1' } }, { node: { id: '2' } }] }, b: null };
    expect(returnedRows(data)).toEqual({ a: 2, b: 0 });
    expect(queryCost(schema, query, {}, undefined, returnedRows(data))).toBe(1 + 2 * 2 + 1);
    expect(queryCost(schema, query, {}, undefined, { a: 500, b: 10 })).toBe(queryCost(schema, query, {}));
    expect(returnedRows({ things: { totalCount: 3 }, list: [{ id: 'x' }], nodes: { nodes: [1, 2, 3] } })).toEqual({ nodes: 3 });
  });

  it('remembers the cost per document and variables', () => {
    const costOf = memoizedQueryCost(schema);
    const document = parse('query ($n: Int) { things(first: $n) { edges { node { id } } } }');
    expect(costOf(document, { n: 10 })).toBe(21);
    expect(costOf(document, { n: 30 })).toBe(61);
    expect(costOf(document, { n: 10 })).toBe(21);
  });

  it('remembers one cost for every search, cursor or filter, and a new one for each page size, directive or invalid variable', () => {
    const costOf = memoizedQueryCost(schema);
    const document = parse(
      'query ($n: Int, $q: String, $withOwner: Boolean!) { things(first: $n, search: $q) { edges { node { id owner @include(if: $withOwner) { name } } } } }',
    );
    expect(costOf(document, { n: 10, q: 'ann', withOwner: true })).toBe(1 + 10 * 3);
    expect(costOf(document, { n: 10, q: 'son', withOwner: true })).toBe(1 + 10 * 3);
    expect(costOf(document, { n: 10, q: 'son', withOwner: false })).toBe(1 + 10 * 2);
    expect(costOf(document, { n: 30, q: 'son', withOwner: true })).toBe(1 + 30 * 3);
    expect(costOf(document, { n: 10, q: 5, withOwner: true })).toBeNull();
    expect(costOf(document, { n: 10, q: 'ann', withOwner: true })).toBe(1 + 10 * 3);
  });
});
