import { countSelections, selectionCounter, variablesProblem } from '../../src/graphql/document-limits';

describe('counting selections before validation', () => {
  it('counts fields, fragment spreads and inline fragments, and answers null for what does not parse within the tokens', () => {
    expect(countSelections('{ a { b c } ...F ... on Q { d } } fragment F on Q { e }', 100)).toBe(7);
    expect(countSelections('{ a ', 100)).toBeNull();
    expect(countSelections(`{ ${'a '.repeat(200)}}`, 100)).toBeNull();
  });

  it('remembers counts per query text, forgetting the oldest beyond its bound, and still counts texts too long to keep', () => {
    const count = selectionCounter(1000, 2);
    expect(count('{ a }')).toBe(1);
    expect(count('{ a b }')).toBe(2);
    expect(count('{ a }')).toBe(1);
    expect(count('{ a b c }')).toBe(3); // forgets '{ a }'
    expect(count('{ nope ')).toBeNull();
    expect(count('{ nope ')).toBeNull();
    const long = `{ ${'x '.repeat(900)}}`;
    expect(count(long)).toBe(900);
    expect(count(long)).toBe(900);
  });
});

describe('bounding variables without recursion', () => {
  it('refuses nesting deeper than the bound and more values than the bound, and passes what fits', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 20_000; level += 1) deep = [deep];
    expect(variablesProblem({ x: deep }, { maxDepth: 10, maxValues: 50_000 })).toBe('VARIABLES_TOO_DEEP');
    expect(variablesProblem({ ids: Array.from({ length: 60_000 }, (_, i) => i) }, { maxDepth: 10, maxValues: 50_000 })).toBe('VARIABLES_TOO_LARGE');
    expect(variablesProblem({ input: { users: [{ name: 'A', email: 'a@x' }] } }, { maxDepth: 10, maxValues: 50_000 })).toBeNull();
  });
});
