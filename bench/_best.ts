/**
 * The best wall and CPU seconds of `reps` runs of `run` in this process: the
 * timing of the fresh-process "read" rows of bench/cli-evaluate.ts
 * (bench/_read-csv.ts, bench/_read-results.ts), printed as one JSON line.
 * @example printBest(3, async () => readTableFile(csv)) // prints [0.39, 0.62]
 */
export async function printBest(reps: number, run: () => Promise<unknown>): Promise<void> {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  let wall = Infinity;
  let used = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const c0 = cpu();
    await run();
    wall = Math.min(wall, (performance.now() - t0) / 1000);
    used = Math.min(used, cpu() - c0);
  }
  console.log(JSON.stringify([wall, used]));
}
