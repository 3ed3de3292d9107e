import type { GraphQLSchema } from 'graphql';

/**
 * A resolver class some of whose fields run once per row of a page: it replaces their resolve functions
 * in the executable schema with plain ones (app/schema.ts calls it once, after type-graphql built the schema).
 */
export interface PlainResolvers {
  resolvePlainly(schema: GraphQLSchema): void;
}
