import { getNamedType, getOperationAST, getVariableValues, isCompositeType, visit, type ASTNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../core/pagination';
import { declaredVariables } from './document-limits';

/**
 * The calculated cost of a query (Shopify's model), in points. It depends on what the operation asks
 * for once its variables are coerced, not on how it is written: `first: $n` costs what `first: 100`
 * costs, a named fragment what the same fields inline cost (each use counts once), and of a union or
 * interface only the most expensive member counts (graphql-query-complexity walks the operation).
 *
 * | what                                   | points                                                   |
 * |----------------------------------------|----------------------------------------------------------|
 * | a scalar or enum field                 | 0                                                        |
 * | an object field (or a list of objects) | 1 + its selections                                       |
 * | a paginated field (`first`/`last`)     | 1 + page size × its selections (default 20, at most 100) |
 * | a mutation                             | 10 + the items of its input + its selections             |
 *
 * The *actual* cost (what the answer held) is the same walk with each page priced by the rows it
 * returned instead of the rows it asked for: `teamAccess(first: 100)` on a team of 12 is charged for
 * 12. The client is charged the requested cost up front and given the difference back after.
 *
 * A list without a page-size argument (a connection's `edges`, a grant's `workspaces`, a bulk
 * result's `results`) counts its selections once: its length is bounded by the page above it, the
 * organization's few workspaces, or the mutation's input (already charged per item).
 */
export const MUTATION_BASE_COST = 10;

/** Mutations: a fixed price for the write path (transaction, lock, audit) plus one point per item of the input. */
const mutationField: ComplexityEstimator = ({ type, args, childComplexity }) => {
  if (type.name !== 'Mutation') return undefined;
  return MUTATION_BASE_COST + inputItems(args.input) + childComplexity;
};

/** Rows each root connection of an answer returned, by response key (`data.teamAccess.edges.length` → `{teamAccess: 12}`). */
export type ReturnedRows = Readonly<Record<string, number>>;

/** Paginated fields: their selections are paid once per row the page can hold (or, for the actual cost, did hold). */
const paginatedField: ComplexityEstimator = ({ type, field, node, args, childComplexity, context }) => {
  if (!field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return undefined;
  const requested: unknown = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  // Out-of-range sizes are refused by the resolver (PAGE_SIZE_OUT_OF_RANGE); here they must only not inflate the cost.
  const asked = typeof requested === 'number' && Number.isInteger(requested) && requested >= 1 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  // Connections are root fields only: a response key then names one place in the answer. A nested one would keep the asked size.
  const returned =
    type.name === 'Query' ? (context as { returnedRows?: ReturnedRows } | undefined)?.returnedRows?.[(node.alias ?? node.name).value] : undefined;
  return 1 + Math.min(returned ?? asked, asked) * childComplexity;
};

/** Scalars and enums are free: they come with the row their object already paid for. */
const objectOrScalar: ComplexityEstimator = ({ field, childComplexity }) => (isCompositeType(getNamedType(field.type)) ? 1 + childComplexity : 0);

/** The first estimator that returns a number prices the field. */
export const COST_ESTIMATORS: ComplexityEstimator[] = [mutationField, paginatedField, objectOrScalar];

/**
 * The items in an input's lists: a list of ids counts its ids, a list of objects counts what each
 * object's own lists hold, or 1 per object that has none (an invitee). `{assignments: [{userIds: [a, b]}]}` → 2.
 */
export function inputItems(input: unknown): number {
  if (Array.isArray(input)) {
    return input.reduce((sum: number, item: unknown) => sum + (typeof item === 'object' && item !== null ? inputItems(item) || 1 : 1), 0);
  }
  if (typeof input !== 'object' || input === null) return 0;
  return Object.values(input).reduce((sum: number, value: unknown) => sum + (Array.isArray(value) ? inputItems(value) : 0), 0);
}

/** graphql-query-complexity's refusal of an operation whose walk visits over 10 000 fields (fragment spreads multiply). */
const TOO_MANY_NODES = /maximum allowed number of nodes/;

/**
 * The operation's cost with its coerced variables; Infinity when the walk is too large to finish
 * (so the query is refused as too costly); null when the variables do not match the query
 * (execution then answers BAD_USER_INPUT in graphql-js's own words).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
  returnedRows?: ReturnedRows,
): number | null {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: COST_ESTIMATORS, context: { returnedRows } });
  } catch (error) {
    return error instanceof Error && TOO_MANY_NODES.test(error.message) ? Number.POSITIVE_INFINITY : null;
  }
}

/**
 * The rows each root connection in `data` returned: the length of its `edges` (or `nodes`), 0 when it is
 * null (refused). A connection that selects neither reads no rows, and its selections cost nothing anyway.
 */
export function returnedRows(data: Record<string, unknown> | null | undefined): ReturnedRows {
  const rows: Record<string, number> = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    if (value === null) rows[key] = 0;
    const list = typeof value === 'object' && value !== null ? ((value as { edges?: unknown }).edges ?? (value as { nodes?: unknown }).nodes) : undefined;
    if (Array.isArray(list)) rows[key] = list.length;
  }
  return rows;
}

/** Variable sets remembered per document: a client's pages differ by page size, so a few dozen cover the hot ones. */
const COSTS_PER_DOCUMENT = 64;
/** Longer variables (a bulk mutation's thousand ids) are priced every time: such calls are rare and slow anyway. */
const MAX_REMEMBERED_KEY = 1024;
/** The arguments the estimators read (page sizes, a mutation's input); @skip and @include count too. */
const PRICED_ARGUMENTS = new Set(['first', 'last', 'input']);

/**
 * The variables a document's cost can depend on: those inside a page size, a mutation's input or a
 * directive. A search, a cursor, a filter or an order changes the rows, never the price.
 */
function pricedVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  const collect = (node: ASTNode) => visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  visit(document, {
    Argument: (argument) => (PRICED_ARGUMENTS.has(argument.name.value) ? (collect(argument.value), false) : undefined),
    Directive: (directive) => (collect(directive), false),
  });
  return names;
}

/**
 * `queryCost`, remembered per document and priced variables: the walk takes about 0.1 ms for a Team
 * Access page, a lookup about a microsecond, and a new search on the same page is a lookup. Apollo keeps
 * one parsed document per query text, so a repeated query is the same object; a document Apollo forgets
 * is forgotten here too (a WeakMap). Each document keeps its last COSTS_PER_DOCUMENT variable sets, so
 * memory stays bounded. Whether all variables coerce is part of the key: those that do not cost nothing.
 */
export function memoizedQueryCost(
  schema: GraphQLSchema,
): (document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string, returned?: ReturnedRows) => number | null {
  const costs = new WeakMap<DocumentNode, { priced: Set<string>; known: Map<string, number | null> }>();
  return (document, variables, operationName, returned) => {
    let memo = costs.get(document);
    if (!memo) costs.set(document, (memo = { priced: pricedVariables(document), known: new Map() }));
    const operation = getOperationAST(document, operationName);
    const coerces = !operation || !getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 }).errors;
    const declared = operation ? declaredVariables(operation, variables) : {};
    const priced = Object.fromEntries(Object.entries(declared).filter(([name]) => memo.priced.has(name)));
    const key = `${operationName ?? ''}\n${coerces}\n${JSON.stringify(priced)}\n${returned ? JSON.stringify(returned) : ''}`;
    const { known } = memo;
    if (known.has(key)) return known.get(key)!;
    const cost = queryCost(schema, document, variables, operationName, returned);
    if (key.length > MAX_REMEMBERED_KEY) return cost;
    if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
    known.set(key, cost);
    return cost;
  };
}
