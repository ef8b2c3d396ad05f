// Run by huge-pages.test.ts: started again through runAgainWith when an argument names a large file; the
// child prints the tunables it was given, then exits with the code, or kills itself with the signal, of
// its second argument.
import { hugePagesEnv, runAgainWith } from '../../bin/huge-pages.js';

if (process.env.XINZHI_TEST_CHILD) {
  console.log(`child ${process.env.GLIBC_TUNABLES}`);
  const end = process.argv[3] ?? '0';
  if (end.startsWith('SIG')) process.kill(process.pid, /** @type {NodeJS.Signals} */ (end));
  else process.exit(Number(end));
} else {
  const env = hugePagesEnv(process.argv.slice(2));
  if (env) await runAgainWith({ ...env, XINZHI_TEST_CHILD: '1' });
  console.log('here');
}
