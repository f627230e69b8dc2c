// Preloaded (node --require) into every process the benchmarks time: at exit it appends the
// process's peak resident memory and CPU time (all threads) to $BENCH_MEASURE_FILE, one JSON line.
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.BENCH_MEASURE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    appendFileSync(
      file,
      `${JSON.stringify({ pid: process.pid, maxRssKiB: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 })}\n`,
    );
  });
}
