import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClosedDayChoice, StrandedBookingDto } from '../../../shared/contract/closures.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { describeError, isCommandError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { normalizePhoneInput } from '../calls/call-format.js';
import { sameConfig, setIn, withIdsFromNames, type Path } from './settings-draft.js';
import { errorsFromDetails, validateDraft, withoutUnder, type FieldErrors } from './settings-validation.js';

export interface SaveProblem {
  message: string;
  /** The appliance's per-field verdicts (its `details`), shown next to the fields. */
  details: readonly string[];
}

export interface SettingsState {
  status: 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** What the appliance has; the draft is compared with it for "unsaved changes". */
  saved: TenantConfig | null;
  /** What the owner is editing. Typed as the config, but any field may hold an invalid value. */
  draft: TenantConfig | null;
  dirty: boolean;
  saving: boolean;
  saveProblem: SaveProblem | null;
  /** Field errors from the appliance's last refusal, until the field is edited. */
  serverErrors: FieldErrors;
  /** True when a save was refused in the browser: the error summary is shown. */
  showSummary: boolean;
  /** Someone else saved while this draft had changes. */
  changedElsewhere: boolean;
  savedNotice: string | null;
  /** Appointments this draft would strand (a closed day, shorter hours, time off), waiting for the owner's choice (see ClosedDaysDialog). */
  closedDays: StrandedBookingDto[] | null;
  load(): Promise<void>;
  update(path: Path, value: unknown): void;
  revert(): void;
  /** Validates, then saves; resolves true when the appliance took it. A draft stranding booked visits first asks what to do with them. */
  save(closedDays?: ClosedDayChoice): Promise<boolean>;
  /** Back to editing without saving (the closed-days question was dismissed). */
  dismissClosedDays(): void;
  start(): () => void;
}

export type SettingsStore = StoreApi<SettingsState>;

const CLOSED_DAYS_DONE: Record<ClosedDayChoice, string> = {
  keep: 'The appointments on the closed days were kept; no new bookings go there.',
  cancel: 'The appointments on the closed days were cancelled and each patient is texted.',
  review: 'The appointments on the closed days are waiting in Review to be moved.',
};

const OUTSIDE_HOURS_DONE: Record<ClosedDayChoice, string> = {
  keep: 'The appointments outside the new hours were kept; new bookings follow the new hours.',
  cancel: 'The appointments outside the new hours were cancelled and each patient is texted.',
  review: 'The appointments outside the new hours are waiting in Review to be moved.',
};

const drafts = new WeakMap<ConsoleClient, Map<string, SettingsStore>>();

/**
 * The settings store of a practice for this console, kept while the console runs so an
 * unsaved draft survives a look at another screen.
 */
export function settingsStoreFor(client: ConsoleClient, tenantId: string): SettingsStore {
  let stores = drafts.get(client);
  if (!stores) {
    stores = new Map();
    drafts.set(client, stores);
  }
  let store = stores.get(tenantId);
  if (!store) {
    store = createSettingsStore(client, tenantId);
    stores.set(tenantId, store);
  }
  return store;
}

/** One practice's settings being edited: load, a draft, the schema's verdict, save, revert. */
export function createSettingsStore(client: ConsoleClient, tenantId: string): SettingsStore {
  let request = 0;

  return createStore<SettingsState>()((set, get) => {
    const load = async () => {
      const mine = ++request;
      try {
        const config = await client.call('tenants/get', { tenantId });
        if (mine !== request) return;
        set({ status: 'ready', loadError: null, saved: config, draft: config, dirty: false, serverErrors: new Map(), changedElsewhere: false, showSummary: false });
      } catch (error) {
        if (mine !== request) return;
        set((s) => ({ status: s.saved ? s.status : 'error', loadError: describeError(error) }));
      }
    };

    return {
      status: 'loading',
      loadError: null,
      saved: null,
      draft: null,
      dirty: false,
      saving: false,
      saveProblem: null,
      serverErrors: new Map(),
      showSummary: false,
      changedElsewhere: false,
      savedNotice: null,
      closedDays: null,
      load,
      update: (path, value) => {
        const { draft, saved, serverErrors } = get();
        if (!draft) return;
        const next = setIn(draft, path, value);
        set({ draft: next, dirty: !sameConfig(next, saved), serverErrors: withoutUnder(serverErrors, path), savedNotice: null });
      },
      revert: () => {
        const { saved } = get();
        set({ draft: saved, dirty: false, serverErrors: new Map(), saveProblem: null, showSummary: false, savedNotice: null });
        // Someone else's newer version is what "revert" should bring back.
        if (get().changedElsewhere) void load();
      },
      dismissClosedDays: () => set({ closedDays: null }),
      save: async (closedDays) => {
        const { draft: typed, saving } = get();
        if (!typed || saving) return false;
        const draft = withPhonesNormalized(typed);
        const validation = validateDraft(draft);
        if (!validation.ok) {
          set({ showSummary: true, saveProblem: null, savedNotice: null });
          return false;
        }
        const config = withIdsFromNames(draft, get().saved);
        // What the owner was answering: the notice names closed days only when that is all it was.
        const answered = get().closedDays;
        const done = answered && !answered.every((b) => b.closedDay) ? OUTSIDE_HOURS_DONE : CLOSED_DAYS_DONE;
        set({ saveProblem: null, showSummary: false, savedNotice: null, closedDays: null });
        try {
          if (!closedDays) {
            // A change that strands booked visits (a closed day, shorter hours, time off): show them and ask, rather than refuse or drop them.
            // (Save stays enabled meanwhile, so focus returns to it when the question is dismissed.)
            const affected = await client.call('tenants/closure-impact', { tenantId, config });
            if (affected.length > 0) {
              set({ closedDays: affected });
              return false;
            }
          }
          set({ saving: true });
          await client.call('tenants/save', { config, ...(closedDays ? { closedDays } : {}) });
          const fresh = await client.call('tenants/get', { tenantId });
          request++;
          // Edits made while saving stay in the draft; only what was sent counts as saved.
          const current = get().draft;
          const keepEdits = current !== typed;
          set({
            saving: false,
            saved: fresh,
            draft: keepEdits ? current : fresh,
            dirty: keepEdits ? !sameConfig(current, fresh) : false,
            serverErrors: new Map(),
            changedElsewhere: false,
            savedNotice: closedDays ? `Saved. ${done[closedDays]}` : 'Saved. The next call uses these settings.',
          });
          return true;
        } catch (error) {
          const details = isCommandError(error) ? error.details : [];
          set({ saving: false, saveProblem: { message: describeError(error), details }, serverErrors: errorsFromDetails(details) });
          return false;
        }
      },
      start: () => {
        const stopEvents = client.on('tenants/changed', ({ tenantIds }) => {
          if (!tenantIds.includes(tenantId) || get().saving) return;
          if (get().dirty) set({ changedElsewhere: true });
          else void load();
        });
        // A reconnect may have missed a save from elsewhere; never throw away unsaved edits for it.
        const stopState = client.onStateChange((state) => {
          if (state === 'open' && !get().dirty) void load();
        });
        // Coming back to a draft with unsaved edits keeps them; otherwise show what is saved now.
        if (!get().dirty) void load();
        return () => {
          stopEvents();
          stopState();
        };
      },
    };
  });
}

/** Numbers typed the way people write them ("(555) 555-0123") are stored with their country code. */
function withPhonesNormalized<T extends { phoneNumbers?: string[]; transferNumber?: string | null }>(draft: T): T {
  const normalize = (n: string) => normalizePhoneInput(n) ?? n;
  return {
    ...draft,
    ...(draft.phoneNumbers ? { phoneNumbers: draft.phoneNumbers.map(normalize) } : {}),
    ...(typeof draft.transferNumber === 'string' ? { transferNumber: normalize(draft.transferNumber) } : {}),
  };
}
