#!/usr/bin/env node
// Entry point of the `xinzhi` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../src/adapters/cli/main.ts');
