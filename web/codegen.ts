import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every GraphQL operation of the web UI from the API's emitted schema, at build time
 * (`npm run build:web`), into web/src/gql/ (not committed): an operation that no longer matches
 * the schema fails the build. Paths are relative to the project root, where npm runs scripts.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*'],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
      },
    },
  },
};

export default config;
