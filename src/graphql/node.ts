import { isInterfaceType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, InterfaceType, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../core/app-error';
import { BadInputReason } from '../core/error-codes';
import type { Viewer } from '../core/viewer';
import type { GraphQLContext } from './context';
import { fromGlobalId, toGlobalId } from './global-id';
import type { PlainResolvers } from './plain-resolvers';

/** The most ids one `nodes` call may name. */
export const MAX_NODES = 100;

/** Set on every object the registry loads: how the Node interface (and fields typed with it) tell its type. */
const NODE_TYPE = Symbol('nodeType');

type Tagged = { [NODE_TYPE]?: string };

@InterfaceType('Node', {
  description: 'An object with a global id: `node(id:)` fetches it again (Relay Global Object Identification).',
  resolveType: (value: Tagged) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, { description: 'The global id: opaque, stable, unique across types; pass it to `node(id:)` and to inputs.' })
  id: string;
}

/**
 * Loads objects of one type by local id for a caller: one answer per id, in order, null when the
 * caller may not see it (another organization's, unknown). Batched: `nodes` calls it once per type.
 */
export type NodeFetcher = (ctx: GraphQLContext, viewer: Viewer, localIds: readonly string[]) => Promise<(object | null)[]>;
export type PublicNodeFetcher = (ctx: GraphQLContext, localIds: readonly string[]) => Promise<(object | null)[]>;

interface NodeSource {
  fetch: (ctx: GraphQLContext, localIds: readonly string[]) => Promise<(object | null)[]>;
  /** The local id of a loaded object; default: its `id` property. */
  localIdOf: (node: object) => string;
}

const byIdProperty = (node: object): string => (node as { id: string }).id;

/**
 * Which types are nodes and how each is loaded. The graphql layer knows no module: each module's
 * loader is registered from the composition root (app/modules.ts).
 */
export class NodeRegistry {
  private readonly sources = new Map<string, NodeSource>();

  /** A type of the caller's organization: null for every id without a viewer. */
  register(typeName: string, fetch: NodeFetcher, localIdOf = byIdProperty): this {
    return this.add(typeName, { fetch: (ctx, ids) => (ctx.viewer ? fetch(ctx, ctx.viewer, ids) : Promise.resolve(ids.map(() => null))), localIdOf });
  }

  /** A type anyone may read (help articles). */
  registerPublic(typeName: string, fetch: PublicNodeFetcher, localIdOf = byIdProperty): this {
    return this.add(typeName, { fetch, localIdOf });
  }

  private add(typeName: string, source: NodeSource): this {
    if (this.sources.has(typeName)) throw new Error(`Node type ${typeName} is registered twice`);
    this.sources.set(typeName, source);
    return this;
  }

  globalIdOf(typeName: string, node: object): string {
    const source = this.sources.get(typeName);
    if (!source) throw new Error(`${typeName} is not a registered node type`);
    return toGlobalId(typeName, source.localIdOf(node));
  }

  /** One object (or null) per global id, in order: one fetch per type named, so a batch of ids stays one batch. */
  async load(ctx: GraphQLContext, globalIds: readonly string[]): Promise<(object | null)[]> {
    const results: (object | null)[] = globalIds.map(() => null);
    const byType = new Map<string, { indexes: number[]; localIds: string[] }>();
    globalIds.forEach((globalId, index) => {
      const decoded = fromGlobalId(globalId);
      if (!decoded || !this.sources.has(decoded.typeName)) return;
      let group = byType.get(decoded.typeName);
      if (!group) byType.set(decoded.typeName, (group = { indexes: [], localIds: [] }));
      group.indexes.push(index);
      group.localIds.push(decoded.localId);
    });
    await Promise.all(
      [...byType].map(async ([typeName, group]) => {
        const found = await this.sources.get(typeName)!.fetch(ctx, group.localIds);
        found.forEach((node, i) => {
          if (node) results[group.indexes[i]] = Object.assign(node, { [NODE_TYPE]: typeName });
        });
      }),
    );
    return results;
  }

  /** The object of a type by local id, for fields that reference a node by type and id (AuditEvent.target). */
  async loadLocal(ctx: GraphQLContext, typeName: string, localId: string): Promise<object | null> {
    const [node] = await this.load(ctx, [toGlobalId(typeName, localId)]);
    return node;
  }
}

/** The Node interface's `id` for every implementing type, and the `node` / `nodes` root fields. */
@Resolver(() => Node)
export class NodeResolver implements PlainResolvers {
  constructor(private readonly registry: NodeRegistry) {}

  /**
   * Every `id` of the executable schema resolved by a plain function, without type-graphql's wrapper
   * (parameter decorators, middlewares): a page of 50 users with their workspaces has hundreds of ids.
   * The interface's type resolver too: type-graphql wraps it in an async function, and a compiled
   * executor (graphql-jit) needs the type at once.
   */
  resolvePlainly(schema: GraphQLSchema): void {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('The schema has no Node interface');
    node.resolveType = (value: Tagged) => value[NODE_TYPE];
    for (const type of schema.getImplementations(node).objects) {
      const typeName = type.name;
      type.getFields().id.resolve = (source: object) => this.registry.globalIdOf(typeName, source);
    }
  }

  // The schema's declaration of `id`; resolvePlainly replaces it in the executable schema.
  @FieldResolver(() => ID)
  id(@Root() node: object, @Info() info: GraphQLResolveInfo): string {
    return this.registry.globalIdOf(info.parentType.name, node);
  }

  // Not @Authorized: help articles are public, and a tenant's object without a token reads as null,
  // exactly like another organization's or an unknown id, so a node lookup tells nothing of what exists.
  @Query(() => Node, {
    nullable: true,
    description:
      "Any object by its global id. Null for an unknown or malformed id, another organization's object, and, without a token, anything but help articles.",
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id, as an `id` field answers it.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<object | null> {
    const [node] = await this.registry.load(ctx, [id]);
    return node;
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global id, in order, each null as \`node\` would answer it; at most ${MAX_NODES} ids (BAD_USER_INPUT beyond).`,
  })
  nodes(@Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[], @Ctx() ctx: GraphQLContext): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw badInput(BadInputReason.INVALID_INPUT, { details: `nodes: at most ${MAX_NODES} ids, not ${ids.length}` });
    return this.registry.load(ctx, ids);
  }
}

/** DataLoader's loadMany answers, for a NodeFetcher: a failed load fails the request rather than reading as null. */
export function found<T>(results: (T | Error | null)[]): (T | null)[] {
  return results.map((result) => {
    if (result instanceof Error) throw result;
    return result;
  });
}
