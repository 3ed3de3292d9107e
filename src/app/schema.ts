// The schema is built from decorators' metadata: the polyfill comes before any decorated class is loaded.
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type ContainerType } from 'type-graphql';
import { authChecker } from '../graphql/auth-checker';
import { NodeResolver } from '../graphql/node';
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
  if (container !== NO_INSTANCES) (container.get(NodeResolver, {} as never) as NodeResolver).resolveIdsPlainly(schema);
  return schema;
}

/** The schema as committed in `schema/schema.graphql`: sorted, so it only changes when the API does. */
export function printSortedSchema(schema: GraphQLSchema = buildSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
