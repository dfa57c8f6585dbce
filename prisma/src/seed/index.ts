// Seeds are functions: db:seed, the demo start command, API tests and e2e tests all call these.
export * from './demo.ts';
export * from './organizations.ts';
export * from './review-fixture.ts';
