/**
 * Writes docs/framework.md from the framework model: `npm run docs:framework`.
 * With `--check` it writes nothing and exits 1 when the file is out of date.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFramework, renderMarkdown } from '../src/core/framework/index.ts';

const target = fileURLToPath(new URL('../docs/framework.md', import.meta.url));
const text = renderMarkdown(loadFramework());
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(
      'docs/framework.md is out of date: run `npm run docs:framework` / 文档已过期：请运行 npm run docs:framework\n',
    );
    process.exit(1);
  }
  process.stdout.write('docs/framework.md is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote docs/framework.md (${text.length} characters)\n`);
}
