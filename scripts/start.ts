/**
 * `npm start`: the main job. Evaluates the embedded provincial NQPF index
 * (`xinzhi evaluate`: ranking on screen, files in xinzhi-out/), then, in an
 * interactive terminal, builds and serves the web app on localhost and prints
 * its address. Non-interactive runs (pipes, CI) stop after the evaluation;
 * `npm run web` serves the app on its own. Extra arguments go to `evaluate`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const run = spawnSync(process.execPath, ['bin/xinzhi.js', 'evaluate', ...args], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const interactive = process.stdout.isTTY && process.stdin.isTTY && !args.includes('--json');
if (!interactive) {
  console.log('\n网页版 / web app: npm run web');
} else {
  console.log('\n正在构建网页版 / building the web app ...');
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
  const { serveStatic } = await import('./serve-web.ts');
  const { url } = await serveStatic(
    fileURLToPath(new URL('../dist/web', import.meta.url)),
    Number(process.env.PORT ?? 5178),
  );
  console.log(`xinzhi 网页版已启动 / web app running at ${url}`);
  console.log('按 Ctrl+C 停止 / press Ctrl+C to stop');
}
