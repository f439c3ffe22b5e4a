/** `npm run bench`: the core part (checks, coverage), re-check throughput and the UI part, each printing what it measured. */
import { runCoreBench } from './core';
import { runRecheckBench } from './recheck';
import { runUiBench } from './ui';

await runCoreBench();
await runRecheckBench();
await runUiBench();
