import { config } from 'zod';

/**
 * Zod probes for `new Function` when a schema is built, to compile fast parsers. The console's
 * CSP forbids eval, so the probe fails quietly but still reports a CSP violation. Turning JIT off
 * skips the probe. It must run before any contract schema is built, so main.tsx imports it first.
 */
config({ jitless: true });
