import { Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { SortDirection, type Page } from '../core/pagination';

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'The direction of an order.',
  valuesConfig: { ASC: { description: 'Smallest first (A to Z, oldest first).' }, DESC: { description: 'Largest first (Z to A, newest first).' } },
});

@ObjectType({ description: 'Relay pagination state of a connection.', simpleResolvers: true })
export class PageInfo {
  @Field({ description: 'Whether there are items after this page: pass `endCursor` as `after` to get them.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether there are items before this page: pass `startCursor` as `before` to get them.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor; null when the page is empty." })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/**
 * A Relay cursor connection type (`<Name>Connection` with `<Name>Edge`) over a node type. Declare the
 * subclass with `simpleResolvers: true`: its fields are plain data.
 */
export function ConnectionType<T extends object>(name: string, NodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One item of a ${name}Connection, with its cursor.`, simpleResolvers: true })
  class Edge {
    @Field({ description: 'Pass as `after` to get the items that follow this one, or as `before` for the ones before it (same list, order and filters only).' })
    cursor: string;

    @Field(() => NodeType, { description: 'The item.' })
    node: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [Edge], { description: 'The items of this page, in the order of the list.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Whether there are more pages, and the cursors to get them.' })
    pageInfo: PageInfo;

    // Not a simple field: counted lazily, it may be a promise, and graphql-jit awaits only what a resolver returns.
    @Field(() => Int, { description: 'How many items match, across all pages.', simple: false })
    totalCount: number | Promise<number>;
  }
  return ConnectionClass;
}

export function toConnection<T>(page: Page<T>): Connection<T> {
  // Cursors are made when a client asks for them (most ask only for endCursor).
  const edges = page.nodes.map((node) => ({
    node,
    get cursor() {
      return page.cursorOf(node);
    },
  }));
  const { totalCount } = page;
  return {
    edges,
    // Counted only when selected: a getter, which every executor reads like a plain field.
    get totalCount() {
      return typeof totalCount === 'function' ? totalCount() : totalCount;
    },
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
