import { parse, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { VariablesLimitReason } from './graphql-errors';

/** How many selections (fields, fragment spreads, inline fragments) a document holds; null when it does not parse within `maxTokens`. */
export function countSelections(query: string, maxTokens: number): number | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens, noLocation: true });
  } catch {
    // Apollo parses it again and answers the syntax error (or TOO_MANY_TOKENS) in its own words.
    return null;
  }
  let selections = 0;
  visit(document, {
    Field: () => void selections++,
    FragmentSpread: () => void selections++,
    InlineFragment: () => void selections++,
  });
  return selections;
}

/** Queries longer than this are counted every time: real operations are a few hundred characters. */
const MAX_REMEMBERED_QUERY_LENGTH = 10_000;

/**
 * `countSelections`, remembered per query text for the last `entries` distinct queries: parsing a Team
 * Access page's query takes about 40 µs, a lookup of the same text under 1 µs, and clients send the
 * same few documents again and again. Oldest forgotten first, so the memory stays bounded (at most
 * `entries` × 10 KB) whatever a caller sends.
 */
export function selectionCounter(maxTokens: number, entries = 1000): (query: string) => number | null {
  const known = new Map<string, number | null>();
  return (query) => {
    const remembered = known.get(query);
    if (remembered !== undefined || known.has(query)) return remembered ?? null;
    const count = countSelections(query, maxTokens);
    if (query.length > MAX_REMEMBERED_QUERY_LENGTH) return count;
    if (known.size >= entries) known.delete(known.keys().next().value!);
    known.set(query, count);
    return count;
  };
}

/**
 * Whether the `variables` of a request nest deeper than `maxDepth` or hold more than `maxValues`
 * values (objects, lists and scalars), walked with an explicit stack: a recursive walk, like the
 * JSON.stringify of a cache key, is what 20 KB of nested brackets overflows.
 */
export function variablesProblem(variables: unknown, limits: { maxDepth: number; maxValues: number }): VariablesLimitReason | null {
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  let values = 0;
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (++values > limits.maxValues) return VariablesLimitReason.VARIABLES_TOO_LARGE;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxDepth) return VariablesLimitReason.VARIABLES_TOO_DEEP;
    for (const child of Array.isArray(value) ? value : Object.values(value)) pending.push({ value: child, depth: depth + 1 });
  }
  return null;
}

/** The variables the operation declares, taken from what the request sent; undeclared ones are ignored by execution, so by keys too. */
export function declaredVariables(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const declared: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables && Object.hasOwn(variables, name)) declared[name] = variables[name];
  }
  return declared;
}
