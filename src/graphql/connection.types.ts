import { Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { SortDirection, type Page } from '../core/pagination';

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'The direction of an order.',
  valuesConfig: { ASC: { description: 'Smallest first (A to Z, oldest first).' }, DESC: { description: 'Largest first (Z to A, newest first).' } },
});

@ObjectType({ description: 'Relay pagination state of a connection.', simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A Relay cursor connection type (`<Name>Connection` with `<Name>Edge`) over a node type. Declare the
 * subclass with `simpleResolvers: true`: its fields are plain data.
 */
export function ConnectionType<T extends object>(name: string, NodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field({ description: 'Pass as `after` to get the items that follow this one, or as `before` for the ones before it (same list, order and filters only).' })
    cursor: string;

    @Field(() => NodeType)
    node: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount: number;
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
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
