// npm run codegen -w @twinspect/web: typed documents for every graphql() call in modules/, from the
// API's merged schema (apps/api/schema.graphql, itself generated from the API's SDL). Committed;
// `npm run codegen:check` fails when they are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['modules/**/*.{ts,tsx}', '!modules/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'modules/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
