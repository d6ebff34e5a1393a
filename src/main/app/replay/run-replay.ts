import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractError, type ReplayCallDto, type ReplayReportDto, type TenantConfig } from '../../../shared/contract/index.js';
import type { LlmClient, LlmLimits } from '../../core/conversation/index.js';
import { collectReply } from '../../core/calls/index.js';
import type { SecretVault } from '../../core/kernel/index.js';
import { copyDatabase, createReplayScratchRepository } from '../../infra/db/repositories/replay-scratch-repository.js';
import { createLogger } from '../../infra/logging.js';
import type { Core, CoreDeps } from '../create-core.js';
import type { AppConfig } from '../app-types.js';
import { bookingStartOf, recordedCallers, type ReplayCaller } from './replay-sources.js';

export interface ReplayOptions {
  tenantId: string;
  /** The edited practice file (validated by the tenant schema); default: the practice as it is. */
  practice?: unknown;
  /** Which brain answers the replay; default: the one the (edited) practice names. */
  brain?: 'rules' | 'llm';
  /** Recorded calls: how many of the last calls; ignored when `callers` is given. */
  limit?: number;
  /** Scripted callers (from a JSONL file) instead of recorded calls. */
  callers?: ReplayCaller[];
  llmClient?: LlmClient;
  llmLimits?: Partial<LlmLimits>;
}

/** Seconds between a replayed caller's lines, so holds and "now" move as on a real call. */
const SECONDS_PER_TURN = 8;

/**
 * Re-runs calls against the current or an edited practice, in a scratch copy of the data that is
 * thrown away afterwards: the real book is never touched. Recorded calls are compared with what
 * happened on record; scripted callers with their `expect`, or else with a run on the practice as
 * it is now. A call regresses when its outcome or its booking time changed.
 */
/** `createCore`, passed in so this module and create-core do not import each other. */
export type MakeCore = (config: AppConfig, deps: CoreDeps) => Core;

/** The scratch copy's database file name (the same as the appliance's). */
const SCRATCH_DATABASE = 'frontdesk.sqlite';

export async function runReplay(source: Core, options: ReplayOptions, makeCore: MakeCore): Promise<ReplayReportDto> {
  const current = source.tenants.get(options.tenantId).config;
  const editedId = (options.practice as { id?: unknown } | undefined)?.id;
  if (options.practice !== undefined && editedId !== options.tenantId) {
    throw new ContractError('invalid_input', `The practice file is for "${String(editedId)}", not "${options.tenantId}".`);
  }
  const callers = options.callers ?? recordedCallers(source, current, options.limit ?? 50);
  const needsBaseline = callers.some((c) => c.expected === null);
  const baseline = needsBaseline ? await replayAll(makeCore, source, options, current, callers, null) : null;
  const candidate = await replayAll(makeCore, source, options, current, callers, options.practice ?? null);
  const calls = callers.map((caller, i): ReplayCallDto => {
    const after = candidate[i]!;
    const before = caller.expected ?? baseline![i]!.result;
    const sameOutcome = normalizeOutcome(before.outcome) === normalizeOutcome(after.result.outcome);
    const sameBookingTime = before.bookingStart === after.result.bookingStart;
    return { id: caller.id, label: caller.label, callerLines: caller.lines.length, before, after: after.result, sameOutcome, sameBookingTime, replies: after.replies, error: after.error };
  });
  return {
    tenantId: options.tenantId,
    brain: options.brain ?? (options.practice ? ((options.practice as { brain?: 'rules' | 'llm' }).brain ?? 'rules') : current.brain),
    calls,
    regressions: calls.filter((c) => !c.sameOutcome || !c.sameBookingTime || c.error !== null).length,
  };
}

/** A hang-up before any outcome is the same as an abandoned call. */
function normalizeOutcome(outcome: string | null): string {
  return outcome ?? 'abandoned';
}

interface Replayed {
  result: { outcome: ReplayCallDto['after']['outcome']; bookingStart: string | null };
  replies: string[];
  error: string | null;
}

async function replayAll(makeCore: MakeCore, source: Core, options: ReplayOptions, current: TenantConfig, callers: ReplayCaller[], practice: unknown): Promise<Replayed[]> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-replay-'));
  let now = callers[0]?.at ?? source.clock.now();
  let scratch: Core | null = null;
  try {
    copyDatabase(source.db, join(dir, SCRATCH_DATABASE));
    scratch = makeCore(
      { ...source.config, dataDir: dir, pinnedNow: null },
      {
        clock: { now: () => now },
        logger: createLogger('silent'),
        ...(options.llmClient ? { llmClient: options.llmClient } : {}),
        ...(options.llmLimits ? { llmLimits: options.llmLimits } : {}),
        // The scratch copy reads the appliance's secrets (the OpenAI key) and never writes them.
        vault: readOnlyVault(source),
        // Nothing leaves the building from a scratch copy.
        messaging: { sendSms: async () => ({ providerId: 'replay' }) },
      },
    );
    const edited = (practice ?? current) as Record<string, unknown>;
    scratch.tenants.save(options.brain ? { ...edited, brain: options.brain } : edited, 'replay');
    const tenant = scratch.tenants.get(options.tenantId).config;
    // The book as the first replayed caller found it; later callers meet the replay's own bookings.
    if (callers[0]) createReplayScratchRepository(scratch.db).rewindTo(tenant.id, callers[0].at);
    const out: Replayed[] = [];
    for (const [i, caller] of callers.entries()) {
      now = Math.max(now, caller.at);
      out.push(await replayOne(scratch, tenant, caller, i, () => (now += SECONDS_PER_TURN * 1000)));
    }
    return out;
  } finally {
    scratch?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function replayOne(core: Core, tenant: TenantConfig, caller: ReplayCaller, index: number, tick: () => void): Promise<Replayed> {
  const callSid = `RP${String(index).padStart(4, '0')}${caller.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
  const replies: string[] = [];
  try {
    let reply = await collectReply((out) => core.callFlow.incoming({ callSid, from: caller.from, to: caller.to, tenantId: tenant.id, rehearsal: true }, out));
    for (const line of caller.lines) {
      if (reply.kind !== 'turn' || reply.next !== 'listen') break;
      replies.push(...reply.say);
      tick();
      const digits = /^\(pressed (\d+)\)$/.exec(line)?.[1];
      reply = await collectReply((out) => core.callFlow.gather({ callSid, speech: digits ? '' : line, confidence: 0.95, digits: digits ?? '' }, out));
    }
    replies.push(...reply.say);
    core.callFlow.status({ callSid, status: 'completed', sequence: null });
    const call = core.calls.findBySid(callSid)!;
    return { result: { outcome: call.outcome, bookingStart: bookingStartOf(core, tenant, call.id) }, replies, error: null };
  } catch (error) {
    return { result: { outcome: null, bookingStart: null }, replies, error: error instanceof Error ? error.message : String(error) };
  }
}

function readOnlyVault(source: Core): SecretVault {
  const refuse = (): never => {
    throw new Error('A replay does not change secrets.');
  };
  return { get: (name) => source.setup.readSecret(name), set: refuse, delete: refuse, names: () => source.vault.names() };
}
