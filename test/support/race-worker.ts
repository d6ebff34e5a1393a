// One OS process in the multi-process race: opens the shared data folder with its own core and
// fires N concurrent attempts at one slot. Prints {"booked":n,"conflicts":n,"errors":[...]}.
import pino from 'pino';
import { createCore } from '../../src/main/app/create-core.js';
import { loadConfig } from '../../src/main/app/config.js';

const [dataDir, countText, start, label] = process.argv.slice(2);
const core = createCore({ ...loadConfig(process.env, ['--data-dir', dataDir ?? ''], { serveConsole: false }), seedDemo: false }, { logger: pino({ level: 'silent' }) });
const attempts = Array.from({ length: Number(countText) }, (_, i) =>
  core.dispatch(
    'bookings/create',
    { tenantId: 'bright-smiles', serviceId: 'cleaning', providerId: 'maria', start, customer: { phone: `+1555555${String(1000 + i).slice(-4)}`, name: `${label}-${i}` } },
    { actor: `worker-${label}`, transport: 'internal' },
  ),
);
const results = await Promise.all(attempts);
core.close();
const errors = results.filter((r) => !r.ok && r.error.code !== 'conflict').map((r) => (r.ok ? null : r.error));
process.stdout.write(
  JSON.stringify({ booked: results.filter((r) => r.ok).length, conflicts: results.filter((r) => !r.ok && r.error.code === 'conflict').length, errors }),
);
