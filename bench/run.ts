/** `npm run bench`: the core part (checks, coverage) and the UI part, each printing what it measured. */
import { runCoreBench } from './core';

await runCoreBench();
const { runUiBench } = await import('./ui');
console.log(JSON.stringify(await runUiBench(), null, 2));
