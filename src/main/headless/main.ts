import { runHeadless } from './run-headless.js';

await runHeadless(process.argv.slice(2));
