// Preloaded into a measured process (bench/common.ts measureNode): its own CPU and peak memory at exit.
process.on('exit', () => {
  const file = process.env.BENCH_PROBE_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  // What the process still holds at the end, after a full collection (needs --expose-gc): the leak test.
  if (typeof global.gc === 'function') global.gc();
  const line = {
    pid: process.pid,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKb: usage.maxRSS,
    heapUsedKb: process.memoryUsage().heapUsed / 1024,
  };
  require('node:fs').appendFileSync(file, `${JSON.stringify(line)}\n`);
});
