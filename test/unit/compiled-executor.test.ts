import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, execute, GraphQLError, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { compiledExecutor } from '../../src/graphql/compiled-executor';

const schema = buildSchema(`
  type Query { greeting(name: String!): String! items(first: Int!): [Item!]! failing: String lazy: Int! }
  type Item { id: ID! label: String }
`);
let greetings = 0;
const root = {
  greeting: ({ name }: { name: string }) => `Hello ${name} (${(greetings += 1)})`,
  items: ({ first }: { first: number }) => Array.from({ length: first }, (_, i) => ({ id: String(i), label: i % 2 ? null : `item ${i}` })),
  failing: () => {
    throw Object.assign(new Error('boom'), { extensions: { code: 'SOMETHING' } });
  },
  lazy: () => Promise.resolve(42),
};
// Resolvers on the schema itself, as type-graphql builds them (the executor passes no root value).
for (const [name, resolve] of Object.entries(root))
  (schema.getQueryType()!.getFields()[name] as { resolve?: unknown }).resolve = (_: unknown, args: never) => (resolve as (a: never) => unknown)(args);

async function run(document: DocumentNode, variables: Record<string, unknown> = {}): Promise<ExecutionResult> {
  const { executor } = await compiledExecutor(schema).load({ apollo: {} as never });
  return executor!({ document, request: { variables }, context: {}, operationName: undefined } as unknown as GatewayGraphQLRequestContext);
}

describe('the compiled executor (graphql-jit behind Apollo’s gateway interface)', () => {
  it('answers what graphql-js answers, data and errors, for the same operation', async () => {
    const document = parse('query ($n: Int!) { items(first: $n) { id label } lazy failing }');
    const compiled = await run(document, { n: 3 });
    const reference = await execute({ schema, document, variableValues: { n: 3 } });
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(JSON.parse(JSON.stringify(reference)));
  });

  it('gives graphql-js errors the translating plugins can rewrite, with the resolver’s error as their cause', async () => {
    const { errors } = await run(parse('{ failing }'));
    const [error] = errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.originalError?.message).toBe('boom');
    expect(error.path).toEqual(['failing']);
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
    error.message = 'rewritten';
    Object.assign(error.extensions, { code: 'TRANSLATED' });
    expect([error.message, error.extensions.code]).toEqual(['rewritten', 'TRANSLATED']);
  });

  it('refuses variables that do not coerce in graphql-js’s own words, before any resolver runs', async () => {
    const document = parse('query ($name: String!) { greeting(name: $name) }');
    const before = greetings;
    const compiled = await run(document, { name: 5 });
    const reference = await execute({ schema, document, variableValues: { name: 5 } });
    expect(compiled.data).toBeUndefined();
    expect(compiled.errors!.map((error) => error.message)).toEqual(reference.errors!.map((error) => error.message));
    expect(greetings).toBe(before);
  });

  it('runs a document many times with fresh variables each time', async () => {
    const document = parse('query ($name: String!) { greeting(name: $name) }');
    const { executor } = await compiledExecutor(schema).load({ apollo: {} as never });
    const answers = [];
    for (const name of ['Ann', 'Bo', 'Cy']) {
      answers.push(
        ((await executor!({ document, request: { variables: { name } }, context: {} } as unknown as GatewayGraphQLRequestContext)).data as { greeting: string })
          .greeting,
      );
    }
    expect(answers.map((answer) => answer.replace(/ \(\d+\)$/, ''))).toEqual(['Hello Ann', 'Hello Bo', 'Hello Cy']);
  });
});
