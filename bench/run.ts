/** `npm run bench`: the runtime dependencies, the core part (checks, coverage), re-check throughput, the export's pages and the UI part, each printing what it found. */
import { runCoreBench } from './core';
import { runDependencyBench } from './deps';
import { runExportBench } from './export';
import { runRecheckBench } from './recheck';
import { runUiBench } from './ui';

await runDependencyBench();
await runCoreBench();
await runRecheckBench();
await runExportBench();
await runUiBench();
