/**
 * The xinzhi side of the "CSV read" row of bench/cli-evaluate.ts, in a fresh
 * process as pandas is: read the panel file into the panel `evaluate` builds
 * on (file → cell grid → typed columns, every check), `reps` times; prints
 * one JSON line [best wall s, best CPU s].
 * Usage: node bin/run-ts.js bench/_read-csv.ts panel.csv spec.json reps
 */
import { readFileSync } from 'node:fs';
import { readTableFile } from '../src/adapters/io/read.ts';
import { specPanelFromTable } from '../src/adapters/io/spec-panel.ts';
import type { Spec } from '../src/core/measure/spec.ts';

const [csv, specFile, repsArg] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Spec;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let wall = Infinity;
let used = Infinity;
for (let i = 0; i < Number(repsArg); i++) {
  const t0 = performance.now();
  const c0 = cpu();
  specPanelFromTable(await readTableFile(csv), spec);
  wall = Math.min(wall, (performance.now() - t0) / 1000);
  used = Math.min(used, cpu() - c0);
}
console.log(JSON.stringify([wall, used]));
