#!/usr/bin/env node
// The `twinspect` command. The workspace ships TypeScript sources, so register tsx's loader and
// hand over to src/main.ts (the same modules the workers import).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
