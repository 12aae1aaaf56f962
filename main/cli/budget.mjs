#!/usr/bin/env node
// Entry of the `budget` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
await import('./budget.ts');
