// One OS process of the crash test: books random slots of the demo practice as fast as it can,
// several at once, forever, and prints `ACK <bookingId>` for each booking only after the
// transaction that wrote it has committed. The test kills it with SIGKILL at a random moment.
// Plain JavaScript over the built appliance (`dist/`), so starting it costs no TypeScript compile.
import { pino } from 'pino';
import { loadConfig } from '../../dist/main/app/config.js';
import { createCore } from '../../dist/main/app/create-core.js';

const [dataDir, label, seedText] = process.argv.slice(2);
const core = createCore({ ...loadConfig(process.env, ['--data-dir', dataDir], { serveConsole: false }), seedDemo: false }, { logger: pino({ level: 'silent' }) });

// A small seeded generator (mulberry32) so a failing run can be replayed from its seed.
let state = Number(seedText) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const SERVICES = [
  ['cleaning', ['maria', 'dr-lee']],
  ['exam', ['dr-lee', 'dr-patel']],
  ['filling', ['dr-lee', 'dr-patel']],
];
// Mondays to Wednesdays in the booking window, when the demo practice opens 08:00–12:00 and 13:00–17:00.
const DAYS = ['2026-11-24', '2026-11-25', '2026-11-30', '2026-12-01', '2026-12-02'];
let attempt = 0;

async function bookForever() {
  for (;;) {
    const [serviceId, providers] = pick(SERVICES);
    const minute = 8 * 60 + 15 * Math.floor(random() * 32);
    const start = `${pick(DAYS)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const n = attempt++;
    const result = await core.dispatch(
      'bookings/create',
      { tenantId: 'bright-smiles', serviceId, providerId: pick(providers), start, customer: { phone: `+1555${String(Math.floor(random() * 1e7)).padStart(7, '0')}`, name: `${label}-${n}` }, idempotencyKey: `${label}-${n}` },
      { actor: `crash-${label}`, transport: 'internal' },
    );
    if (result.ok) process.stdout.write(`ACK ${result.output.id}\n`);
    else if (!['conflict', 'outside_rules', 'invalid_input'].includes(result.error.code)) process.stderr.write(`ERROR ${JSON.stringify(result.error)}\n`);
    // Give the event loop a turn so output is flushed while the other loops keep writing.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

await Promise.all([bookForever(), bookForever(), bookForever()]);
