/** `npm run bench`: the runtime dependencies, the core part (checks, coverage), re-check throughput and the UI part, each printing what it found. */
import { runCoreBench } from './core';
import { runDependencyBench } from './deps';
import { runRecheckBench } from './recheck';
import { runUiBench } from './ui';

await runDependencyBench();
await runCoreBench();
await runRecheckBench();
await runUiBench();
