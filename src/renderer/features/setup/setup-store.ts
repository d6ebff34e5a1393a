import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallSummaryDto } from '../../../shared/contract/calls.js';
import type { CommandInput } from '../../../shared/contract/commands.js';
import type { PhoneNumberDto, SetupStatus } from '../../../shared/contract/setup.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { keepFresh } from '../../api/keep-fresh.js';

export type SetupTask = 'twilio' | 'attach' | 'tunnel' | 'selfTest' | 'complete' | 'secret';

export interface SetupState {
  status: SetupStatus | null;
  loadError: string | null;
  numbers: PhoneNumberDto[] | null;
  /** What is running now, and why the last try of each task failed (in the appliance's words). */
  busy: Partial<Record<SetupTask, true>>;
  errors: Partial<Record<SetupTask, string>>;
  /** The first call to the practice seen since the test-call step opened. */
  testCall: CallSummaryDto | null;
  watchingSince: number | null;
  load(): Promise<void>;
  saveTwilio(accountSid: string, authToken: string | undefined): Promise<boolean>;
  loadNumbers(): Promise<void>;
  attach(tenantId: string, phoneNumber: string): Promise<boolean>;
  configureTunnel(input: CommandInput<'tunnel/configure'>): Promise<boolean>;
  selfTest(): Promise<void>;
  setSecret(name: string, value: string): Promise<boolean>;
  complete(): Promise<boolean>;
  watchForCall(tenantId: string): void;
  start(): () => void;
}

export type SetupStore = StoreApi<SetupState>;

/** The wizard's state: the appliance's set-up status, kept fresh by `setup/changed`, and each step's action. */
export function createSetupStore(client: ConsoleClient): SetupStore {
  let watchTenant: string | null = null;
  return createStore<SetupState>()((set, get) => {
    /** Runs one task, remembering that it runs and why it failed; true when it worked. */
    const task = async (name: SetupTask, work: () => Promise<void>): Promise<boolean> => {
      set((s) => ({ busy: { ...s.busy, [name]: true }, errors: { ...s.errors, [name]: undefined } }));
      try {
        await work();
        return true;
      } catch (error) {
        set((s) => ({ errors: { ...s.errors, [name]: describeError(error) } }));
        return false;
      } finally {
        set((s) => ({ busy: { ...s.busy, [name]: undefined } }));
      }
    };
    return {
      status: null,
      loadError: null,
      numbers: null,
      busy: {},
      errors: {},
      testCall: null,
      watchingSince: null,
      async load() {
        try {
          set({ status: await client.call('setup/get-status', {}), loadError: null });
        } catch (error) {
          set({ loadError: describeError(error) });
        }
      },
      saveTwilio: (accountSid, authToken) =>
        task('twilio', async () => {
          const numbers = await client.call('setup/save-twilio', { accountSid, ...(authToken ? { authToken } : {}) });
          set({ numbers });
          await get().load();
        }),
      async loadNumbers() {
        await task('twilio', async () => set({ numbers: await client.call('phone/list-numbers', {}) }));
      },
      attach: (tenantId, phoneNumber) =>
        task('attach', async () => {
          await client.call('phone/attach-number', { tenantId, phoneNumber });
          await Promise.all([get().load(), get().loadNumbers()]);
        }),
      configureTunnel: (input) =>
        task('tunnel', async () => {
          await client.call('tunnel/configure', input);
          await get().load();
        }),
      async selfTest() {
        await task('selfTest', async () => {
          await client.call('tunnel/self-test', {});
          await get().load();
        });
      },
      setSecret: (name, value) =>
        task('secret', async () => {
          await client.call('secrets/set', { name, value });
          await get().load();
        }),
      complete: () =>
        task('complete', async () => {
          set({ status: await client.call('setup/complete', {}) });
        }),
      watchForCall(tenantId) {
        if (watchTenant === tenantId && get().watchingSince !== null) return;
        watchTenant = tenantId;
        set({ testCall: null, watchingSince: Date.now() });
      },
      start() {
        const stopFresh = keepFresh(client, () => void get().load(), (event) => event.name === 'setup/changed');
        const stopCalls = client.on('call/started', (call) => {
          if (watchTenant !== null && call.tenantId === watchTenant && get().testCall === null) set({ testCall: call });
        });
        return () => {
          stopFresh();
          stopCalls();
        };
      },
    };
  });
}
