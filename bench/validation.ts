import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getIntrospectionQuery, Lexer, parse, Source, specifiedRules, TokenKind, validate } from 'graphql';
import { countSelections } from '../src/graphql/document-limits';
import { QUERY_LIMITS, queryLimits } from '../src/graphql/plugins/query-limits';
import * as operations from '../test/support/operations';

/**
 * `node dist/bench/validation.js`: how long graphql-js takes to validate the worst documents that fit
 * QUERY_LIMITS (maxTokens, maxSelections) against the API's schema, with the rules Apollo runs, next to
 * the largest real documents. Prints figures (best of 20 runs, so JIT warm-up and GC stay out); asserts nothing.
 */
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
const rules = [...specifiedRules, ...queryLimits(true).validationRules];
const { maxSelections, maxTokens } = QUERY_LIMITS;

const repeat = (count: number, text: (i: number) => string) => Array.from({ length: count }, (_, i) => text(i)).join(' ');

const DOCUMENTS: Record<string, string> = {
  'introspection, every option': getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  }),
  'CONNECT (largest app mutation)': operations.CONNECT,
  'TEAM_ACCESS (largest app query)': operations.TEAM_ACCESS,
  'locales { code } repeated': `{ ${repeat(maxSelections / 2, () => 'locales { code }')} }`,
  'locales { code name } repeated': `{ ${repeat(maxSelections / 3, () => 'locales { code name }')} }`,
  '__typename repeated': `{ ${repeat(maxSelections, () => '__typename')} }`,
  'distinct fragments of one field': `{ ${repeat(maxSelections / 3, (i) => `...F${i}`)} } ${repeat(maxSelections / 3, (i) => `fragment F${i} on Query { locales { code } }`)}`,
  'one field, conflicting arguments': `{ ${repeat(maxSelections / 2, (i) => `teamAccess(first: ${i + 1}) { totalCount }`)} }`,
  'nested repeats': `{ ${repeat(maxSelections / 4, () => 'viewer { user { marketoAccess { status } } }')} }`,
  'one fragment spread repeatedly': `{ ${repeat(maxSelections - 2, () => '...F')} } fragment F on Query { locales { code } }`,
};

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  return tokens;
}

function bestOf(runs: number, document: ReturnType<typeof parse>): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    validate(schema, document, rules);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

console.log(`# Validation time within the limits (maxTokens ${maxTokens}, maxSelections ${maxSelections}), Node ${process.version}\n`);
console.log('| document | tokens | selections | fits | validate (best of 20) |');
console.log('|---|---:|---:|---|---:|');
for (const [name, query] of Object.entries(DOCUMENTS)) {
  const selections = countSelections(query, Number.MAX_SAFE_INTEGER) ?? 0;
  const tokens = tokenCount(query);
  const fits = selections <= maxSelections && tokens <= maxTokens;
  console.log(`| ${name} | ${tokens} | ${selections} | ${fits ? 'yes' : 'no'} | ${bestOf(20, parse(query)).toFixed(2)} ms |`);
}
