// ESLint for the server (src/, test/, bench/) and the page (web/src/). Besides typescript-eslint's
// recommended rules it enforces the architecture of docs/architecture.md: layers import downward only,
// between feature modules only the allowed arrows, no import cycles, resolvers that never touch SQL,
// and an @Authorized on every mutation.
import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers, bottom to top, and what each may import besides itself (src/main.ts, above them all, imports app). */
const LAYERS = {
  core: [],
  db: ['core'],
  kernel: ['core', 'db'],
  graphql: ['core', 'db', 'kernel'],
  // The HTTP layer serves the catalogs (localization) and knows no other module.
  http: ['core', 'graphql', 'module-localization'],
  app: ['core', 'db', 'kernel', 'graphql', 'module', 'http'],
};

/** Feature modules and the other modules each may import: access → team → organization, audit → team, identity → team. */
const MODULES = {
  organization: [],
  team: ['organization'],
  access: ['team', 'organization'],
  audit: ['team'],
  identity: ['team'],
  help: [],
  localization: [],
};
const BELOW_MODULES = ['core', 'db', 'kernel', 'graphql'];

const elements = [
  ...Object.keys(MODULES).map((name) => ({ type: `module-${name}`, pattern: `src/modules/${name}` })),
  ...['core', 'db', 'kernel', 'graphql', 'http', 'app'].map((layer) => ({ type: layer, pattern: `src/${layer}` })),
];

const moduleTypes = Object.keys(MODULES).map((name) => `module-${name}`);
const allowed = (types) => ({ to: { element: { types: { anyOf: types } } } });
const policies = [
  ...Object.entries(LAYERS).map(([layer, below]) => ({
    from: { element: { type: layer } },
    allow: allowed([layer, ...below.flatMap((type) => (type === 'module' ? moduleTypes : [type]))]),
  })),
  ...Object.entries(MODULES).map(([name, others]) => ({
    from: { element: { type: `module-${name}` } },
    allow: allowed([`module-${name}`, ...others.map((other) => `module-${other}`), ...BELOW_MODULES]),
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/src/gql/**', 'test/relay/__generated__/**', 'coverage/**', 'artifacts/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Tests and test support speak to JSON answers of any shape.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MethodDefinition:has(Decorator[expression.callee.name='Mutation']):not(:has(Decorator[expression.callee.name='Authorized']))",
          message: 'Every mutation resolver carries @Authorized (R9: only callers with a token, and admins where it says so, change data).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'typeorm', message: 'Resolvers call one service; SQL lives in the module repository.' }] }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
  // The emitted schema (npm run schema:emit), as clients see it: described everywhere, named consistently, Relay-shaped.
  // Placed after the JavaScript blocks so that their parser and rules do not reach it. Not enabled, as they would force
  // renames or ids on value objects: relay-connection-types (MarketoConnection is no Relay connection), strict-id-in-types
  // (payloads, results, help blocks, Viewer and Locale are values, not Nodes), unique-enum-value-names (NOT_CONNECTED).
  // The Node design itself is checked by test/global-ids.test.ts.
  {
    files: ['schema/**/*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql' } } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        { types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true, DirectiveDefinition: true },
      ],
      '@graphql-eslint/description-style': ['error', { style: 'block' }],
      '@graphql-eslint/naming-convention': [
        'error',
        {
          types: 'PascalCase',
          FieldDefinition: 'camelCase',
          InputValueDefinition: 'camelCase',
          Argument: 'camelCase',
          EnumValueDefinition: 'UPPER_CASE',
          'FieldDefinition[parent.name.value=Query]': { forbiddenPrefixes: ['query', 'get'], forbiddenSuffixes: ['Query'] },
          'FieldDefinition[parent.name.value=Mutation]': { forbiddenPrefixes: ['mutation'], forbiddenSuffixes: ['Mutation'] },
          'EnumTypeDefinition,EnumTypeExtension': { forbiddenPrefixes: ['Enum'], forbiddenSuffixes: ['Enum'] },
          'InterfaceTypeDefinition,InterfaceTypeExtension': { forbiddenPrefixes: ['Interface'], forbiddenSuffixes: ['Interface'] },
          'UnionTypeDefinition,UnionTypeExtension': { forbiddenPrefixes: ['Union'], forbiddenSuffixes: ['Union'] },
          'ObjectTypeDefinition,ObjectTypeExtension': { forbiddenPrefixes: ['Type'], forbiddenSuffixes: ['Type'] },
        },
      ],
      '@graphql-eslint/no-typename-prefix': 'error',
      '@graphql-eslint/no-hashtag-description': 'error',
      '@graphql-eslint/require-deprecation-reason': 'error',
      '@graphql-eslint/no-unreachable-types': 'error',
      '@graphql-eslint/no-scalar-result-type-on-mutation': 'error',
      '@graphql-eslint/input-name': ['error', { checkInputType: true, caseSensitiveInputType: false }],
      '@graphql-eslint/relay-page-info': 'error',
      '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false }],
    },
  },
);
