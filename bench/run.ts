/** `npm run bench`: the core part (checks, coverage) and the UI part, each printing what it measured. */
import { runCoreBench } from './core';
import { runUiBench } from './ui';

await runCoreBench();
await runUiBench();
