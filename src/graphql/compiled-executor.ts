import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, printSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * graphql-jit's errors are read-only look-alikes of graphql-js's: the plugins that translate and mask
 * errors rewrite message and extensions in place, so each becomes a graphql-js GraphQLError with the
 * same message, locations, path, cause and extensions.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: { ...error.extensions } });
  // Locations come as jit found them (graphql-js computes them from AST nodes, which jit does not keep).
  return Object.assign(copy, { locations: error.locations });
}

/** One operation as graphql-jit compiled it, or null when it could not (graphql-js then runs it). */
type Compiled = CompiledQuery | null;

/**
 * Apollo Server's executor replaced by graphql-jit's compiled queries, through Apollo's gateway
 * interface (the one place Apollo Server 5 lets another executor in): parsing, validation, plugins,
 * errors and the response cache stay Apollo's; only execution changes. Each operation is compiled on
 * its first request into a function that walks exactly its selections (no per-field lookup of the
 * type, resolver and arguments as graphql-js does on every request), and kept beside Apollo's own
 * parsed document (a WeakMap: what Apollo's document cache forgets is forgotten here). An operation jit
 * cannot compile runs on graphql-js, so every valid query keeps an answer.
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    if (!byOperation.has(key)) {
      const query = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      byOperation.set(key, isCompiledQuery(query) ? query : null);
    }
    return byOperation.get(key)!;
  };
  const executor: GatewayExecutor = async ({ document, operationName, request, context }) => {
    const query = compiledFor(document, operationName ?? undefined);
    const runOnGraphQLJs = () => execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    if (!query) return runOnGraphQLJs();
    const result = await query.query(undefined, context, request.variables ?? {});
    // No data at all: the variables did not coerce, and nothing ran. graphql-js refuses them again in its
    // own words (the ones Apollo recognizes as BAD_USER_INPUT, status 400), still before any resolver.
    if (result.data === undefined) return runOnGraphQLJs();
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      // The schema never changes while the server runs: announced once, when Apollo subscribes.
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
