/** src/core/text stays pure: no node: imports, no process, no adapters. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/core/text/', import.meta.url);

describe('core/text is pure', () => {
  for (const file of readdirSync(dir)) {
    it(file, () => {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source).not.toMatch(/from ['"]node:|\bprocess\.|require\(/);
      expect(source).not.toMatch(/from ['"][./]*\/adapters\//);
    });
  }
});
