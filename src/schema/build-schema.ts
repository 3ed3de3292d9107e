import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccessResolver, MarketoAccessGrantResolver } from '../access/access.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { authChecker } from '../auth/auth-checker';
import { HelpResolver } from '../help/help.resolver';
import { I18nResolver } from '../i18n/i18n.resolver';
import { OrganizationResolver } from '../organization/organization.resolver';
import { TeamResolver } from '../team/team.resolver';

/** The executable schema, built from the resolvers' decorators. */
export function buildSchema(): GraphQLSchema {
  return buildSchemaSync({
    resolvers: [OrganizationResolver, TeamResolver, AccessResolver, MarketoAccessGrantResolver, AuditResolver, I18nResolver, HelpResolver],
    authChecker,
    validate: { forbidUnknownValues: false },
  });
}

/** The schema as committed in `schema/schema.graphql`: sorted, so it only changes when the API does. */
export function printSortedSchema(schema: GraphQLSchema = buildSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
