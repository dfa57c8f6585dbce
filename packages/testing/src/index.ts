export * from './database.ts';
export * from './graphql-client.ts';
export * from './synthetic-pairs.ts';
