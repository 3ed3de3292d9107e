import type { ContainerType } from 'type-graphql';
import type { Viewer } from '../core/viewer';
import type { GraphQLContext } from '../graphql/context';
import type { HelpArticle } from '../modules/help/help.types';
import type { Database } from '../db/database';
import { OrganizationMutations } from '../kernel/organization-mutation';
import { ErrorResultResolver } from '../graphql/error-result.types';
import { NodeRegistry, NodeResolver, found } from '../graphql/node';
import { AccessLoaders } from '../modules/access/access.loaders';
import { AccessRepository } from '../modules/access/access.repository';
import { AccessResolver, MarketoAccessGrantResolver, UserItemResultResolver } from '../modules/access/access.resolver';
import { AccessService } from '../modules/access/access.service';
import { TeamAccessResolver, ViewerFeaturesResolver } from '../modules/access/team-access.resolver';
import { AuditRepository } from '../modules/audit/audit.repository';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuditService } from '../modules/audit/audit.service';
import { helpArticleLocalId, helpArticlesByLocalIds } from '../modules/help/help-article';
import { HelpResolver } from '../modules/help/help.resolver';
import { IdentityRepository } from '../modules/identity/identity.repository';
import { IdentityService } from '../modules/identity/identity.service';
import type { Catalog } from '../modules/localization/catalog';
import { LocalizationResolver } from '../modules/localization/localization.resolver';
import { connectionState } from '../modules/organization/marketo-connection';
import { OrganizationLoaders } from '../modules/organization/organization.loaders';
import { OrganizationRepository } from '../modules/organization/organization.repository';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { OrganizationService } from '../modules/organization/organization.service';
import { TeamLoaders } from '../modules/team/team.loaders';
import { TeamRepository } from '../modules/team/team.repository';
import { TeamResolver } from '../modules/team/team.resolver';
import { TeamService } from '../modules/team/team.service';
import { ERROR_KEYS_IN_USE } from './error-keys';

/** Every resolver class of the schema, in one list (the schema is built from their decorators). */
export const resolverClasses = [
  ErrorResultResolver,
  NodeResolver,
  OrganizationResolver,
  TeamResolver,
  TeamAccessResolver,
  ViewerFeaturesResolver,
  AccessResolver,
  MarketoAccessGrantResolver,
  UserItemResultResolver,
  AuditResolver,
  LocalizationResolver,
  HelpResolver,
] as const;

export interface Modules {
  identity: IdentityService;
  /** type-graphql's container: the resolver instances, each made once with its services. */
  container: ContainerType;
}

/**
 * The composition root's wiring: repositories → services → resolvers, made once per process. Every
 * dependency is passed by constructor, so a resolver or service shows in its signature what it uses.
 */
export function createModules(db: Database, catalog: Catalog): Modules {
  const mutations = new OrganizationMutations(db);
  const repositories = { organization: new OrganizationRepository(), team: new TeamRepository(), access: new AccessRepository(), audit: new AuditRepository() };
  const organizations = new OrganizationService(db, mutations, repositories.organization);
  const team = new TeamService(db, mutations, repositories.team);
  const access = new AccessService(db, mutations, repositories.access, repositories.team, repositories.organization);
  const loaders = {
    team: new TeamLoaders(db, repositories.team),
    organization: new OrganizationLoaders(db, repositories.organization),
    access: new AccessLoaders(db, repositories.access),
  };
  const audit = new AuditService(db, repositories.audit);
  const nodes = nodeRegistry(loaders, audit);
  const resolvers = [
    new ErrorResultResolver(),
    new NodeResolver(nodes),
    new OrganizationResolver(organizations),
    new TeamResolver(team, loaders.team, organizations),
    new TeamAccessResolver(access, loaders.access),
    new ViewerFeaturesResolver(loaders.access),
    new AccessResolver(access),
    new MarketoAccessGrantResolver(loaders.team, loaders.organization),
    new UserItemResultResolver(loaders.team),
    new AuditResolver(audit, loaders.team, nodes),
    new LocalizationResolver(catalog, ERROR_KEYS_IN_USE),
    new HelpResolver(),
  ];
  const byClass = new Map<unknown, unknown>(resolvers.map((resolver) => [resolver.constructor, resolver]));
  // A resolver class the schema lists without an instance here would fail only when first queried: fail at start instead.
  const missing = resolverClasses.filter((resolverClass) => !byClass.has(resolverClass));
  if (missing.length > 0) throw new Error(`No instance of ${missing.map((resolverClass) => resolverClass.name).join(', ')} in the container`);
  return {
    identity: new IdentityService(db, new IdentityRepository()),
    container: {
      get: (resolverClass: unknown) => byClass.get(resolverClass),
    },
  };
}

interface Loaders {
  team: TeamLoaders;
  organization: OrganizationLoaders;
  access: AccessLoaders;
}

/**
 * Every type with a global id and how `node` / `nodes` load it: through the modules' per-request
 * loaders, scoped to the caller's organization, so a batch of ids of one type is one batch of queries.
 */
function nodeRegistry(loaders: Loaders, audit: AuditService): NodeRegistry {
  // The organization and its Marketo connection are the caller's own only: another id reads as not found.
  const ownOrganization = async (ctx: GraphQLContext, viewer: Viewer, ids: readonly string[]) =>
    ids.includes(viewer.organizationId) ? loaders.organization.ownOrganization(ctx, viewer) : null;
  return new NodeRegistry()
    .register('TeamUser', async (ctx, viewer, ids) => found(await loaders.team.userById(ctx, viewer).loadMany(ids)))
    .register('MarketoWorkspace', async (ctx, viewer, ids) => found(await loaders.organization.workspaceById(ctx, viewer).loadMany(ids)))
    .register('MarketoAccessGrant', async (ctx, viewer, ids) => found(await loaders.access.grantById(ctx, viewer).loadMany(ids)))
    .register('AuditEvent', (_ctx, viewer, ids) => audit.eventsByIds(viewer, ids))
    .register('Organization', async (ctx, viewer, ids) => {
      const organization = await ownOrganization(ctx, viewer, ids);
      return ids.map((id) => (organization && id === organization.id ? { id: organization.id, name: organization.name } : null));
    })
    .register('MarketoConnection', async (ctx, viewer, ids) => {
      const organization = await ownOrganization(ctx, viewer, ids);
      return ids.map((id) => (organization && id === organization.id ? connectionState(organization, ctx.clock.now()) : null));
    })
    .registerPublic(
      'HelpArticle',
      async (_ctx, ids) => helpArticlesByLocalIds(ids),
      (article) => helpArticleLocalId(article as HelpArticle),
    );
}
