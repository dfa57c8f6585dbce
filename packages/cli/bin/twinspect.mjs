#!/usr/bin/env node
// The `twinspect` command. The workspace ships TypeScript sources, so register tsx's loader and
// hand over to src/main.ts (the same modules the workers import).
import { register } from 'tsx/esm/api';

register();
// `npx twinspect` from inside a workspace folder runs us elsewhere; npm records where the user
// typed the command in INIT_CWD, and relative paths are meant from there.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
