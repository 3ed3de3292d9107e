// The schema is built from decorators' metadata: the polyfill comes before any decorated class is loaded.
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type ContainerType } from 'type-graphql';
import { authChecker } from '../graphql/auth-checker';
import type { PlainResolvers } from '../graphql/plain-resolvers';
import { resolverClasses } from './modules';

/** Builds no resolver: for printing the schema, which needs none. */
const NO_INSTANCES: ContainerType = {
  get() {
    throw new Error('This schema is for printing only');
  },
};

/** The executable schema, built from the resolvers' decorators; resolver instances come from `container`. */
export function buildSchema(container: ContainerType = NO_INSTANCES): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers: resolverClasses,
    container,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  // type-graphql gives the root types no description: set here, so introspection and schema.graphql have them.
  schema.getQueryType()!.description = 'The entry points for reading. Without a token only help articles, locales and translations answer.';
  schema.getMutationType()!.description = 'The entry points for writing: admins only (others get FORBIDDEN); bulk mutations take an idempotency key.';
  if (container !== NO_INSTANCES) resolveHotFieldsPlainly(schema, container);
  return schema;
}

/**
 * The fields resolved once per row of a page (every `id`, `TeamUser.marketoAccess`) and the hot read's
 * root (`Query.teamAccess`) as plain functions in the executable schema: type-graphql's wrapper (parameter
 * decorators, middlewares, argument validation, an instance of the type per call) costs more than the
 * field itself. Each resolver class that declares such fields says how
 * (`resolvePlainly`); the schema and its descriptions still come from the decorators.
 */
function resolveHotFieldsPlainly(schema: GraphQLSchema, container: ContainerType): void {
  for (const Resolver of resolverClasses) {
    if (!('resolvePlainly' in Resolver.prototype)) continue;
    (container.get(Resolver, {} as never) as PlainResolvers).resolvePlainly(schema);
  }
}

/** The schema as committed in `schema/schema.graphql`: sorted, so it only changes when the API does. */
export function printSortedSchema(schema: GraphQLSchema = buildSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
