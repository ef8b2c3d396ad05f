/**
 * `xinzhi serve [--port N] [--host H] [--db FILE | --db postgres://…]`: the
 * self-assessment server (docs/server.md). Creates the SQLite database file
 * when missing, or stores in PostgreSQL when `--db` is a `postgres://` URL;
 * prints its address.
 */
import type { Command } from 'commander';
import { redactUrl } from '../server/store.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(COMMAND_SUMMARIES.serve)
    .option('--port <n>', 'port (0 = any free port) / 端口', '8787')
    .option('--host <host>', 'address to listen on / 监听地址', '127.0.0.1')
    .option(
      '--db <file|url>',
      'SQLite database file (created when missing) or postgres://user:password@host:port/database / SQLite 数据库文件（不存在时创建）或 PostgreSQL 地址',
      'xinzhi.sqlite',
    )
    .action(async (opts: { port: string; host: string; db: string }) => {
      const { buildServer } = await import('../server/app.ts');
      const { app } = await buildServer({ db: opts.db });
      const address = await app.listen({ port: Number(opts.port), host: opts.host });
      process.stdout.write(
        `xinzhi serve: ${address}  (API: ${address}/openapi.json, database ${redactUrl(opts.db)})\n`,
      );
      const stop = () => void app.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
