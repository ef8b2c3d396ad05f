// Large buffers in transparent huge pages (Linux, glibc 2.35 and later).
//
// Reading a firm panel fills arrays of tens to hundreds of megabytes: the
// file's bytes, the cell grid, the typed columns. Each 4 kB page of a new
// array costs the kernel a page fault when first written, and on virtual
// machines a fault can be slow (on the 2-core cloud VM of the benchmarks,
// filling a fresh 56 MB array took 150–210 ms, against 16 ms in 2 MB pages).
// NumPy asks the kernel for huge pages for every large array it allocates
// (madvise(MADV_HUGEPAGE)); Node has no such call, but glibc's malloc makes
// it for its large blocks when started with the tunable
// `glibc.malloc.hugetlb=1`. Tunables are read once, when a process starts,
// so `xinzhi` starts itself again with it when a file named on its command
// line is HUGE_PAGES_MIN_BYTES or larger: on that VM the 5,000-firm
// `evaluate --json`, restart included, took 2.36–2.44 s instead of
// 2.59–2.82 s with the same peak, and its CSV read 0.38–0.49 s instead of
// 0.72–0.74 s; the parent holds about 8 MB of its own while it waits.
// Other C libraries ignore the variable; `XINZHI_HUGE_PAGES=0`, a
// GLIBC_TUNABLES that already names the tunable, or `xinzhi serve` leaves
// the process as it is.
//
// @example const env = hugePagesEnv(process.argv.slice(2)); if (env) runAgainWith(env);
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { constants } from 'node:os';

/** Size from which a file on the command line has xinzhi start again with huge pages (as the two-thread CSV scan's). */
export const HUGE_PAGES_MIN_BYTES = 8_000_000;

/** The glibc tunable: madvise(MADV_HUGEPAGE) on the blocks malloc maps of its own. */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * Whether a command-line argument (a path, or `--option=path`) names a file of at least HUGE_PAGES_MIN_BYTES.
 * @param {string} arg
 */
function largeFile(arg) {
  const eq = arg.indexOf('=');
  const path = arg.startsWith('-') ? (eq > 0 ? arg.slice(eq + 1) : '') : arg;
  if (!path) return false;
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s?.isFile() === true && s.size >= HUGE_PAGES_MIN_BYTES;
  } catch {
    return false;
  }
}

/**
 * The environment to start xinzhi again in (GLIBC_TUNABLES with
 * HUGE_PAGES_TUNABLE added), or undefined to run as it is: not Linux,
 * XINZHI_HUGE_PAGES=0, the tunable already set (to any value), `xinzhi
 * serve`, or no file of HUGE_PAGES_MIN_BYTES among `args`.
 * @param {string[]} args the command line after the script
 * @param {NodeJS.ProcessEnv} [env]
 * @param {string} [platform]
 * @returns {NodeJS.ProcessEnv | undefined}
 */
export function hugePagesEnv(args, env = process.env, platform = process.platform) {
  if (platform !== 'linux' || env.XINZHI_HUGE_PAGES === '0') return undefined;
  // a server (its database may be a large file) gets its signals itself: a terminal's Ctrl-C would reach it twice
  if (args[0] === 'serve') return undefined;
  const tunables = env.GLIBC_TUNABLES ?? '';
  if (tunables.includes('glibc.malloc.hugetlb')) return undefined;
  if (!args.some(largeFile)) return undefined;
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGES_TUNABLE}` : HUGE_PAGES_TUNABLE };
}

/**
 * Run this script again in a child process with `env` (the same Node
 * options, arguments and terminal), pass it the signals this process gets,
 * and end as it ends: with its exit code, or killed by its signal. Resolves
 * only when the child cannot be started (the caller then runs here).
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<false>}
 */
export function runAgainWith(env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
    /** @type {NodeJS.Signals[]} */
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
    /** @param {NodeJS.Signals} signal */
    const pass = (signal) => child.kill(signal);
    let started = false;
    child.on('spawn', () => {
      started = true;
      for (const s of signals) process.on(s, pass);
    });
    // only a child that never started leaves the command to this process (a failed kill is an error too)
    child.on('error', () => {
      if (!started) resolve(false);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      if (signal) {
        // as a shell reports it, should this process ignore the signal (Node ignores SIGPIPE)
        process.exitCode = 128 + (constants.signals[signal] ?? 0);
        process.kill(process.pid, signal);
      } else process.exit(code ?? 1);
    });
  });
}
