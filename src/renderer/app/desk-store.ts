import { create } from 'zustand';

const TENANT_KEY = 'frontdesk.tenantId';
const SCOPE_KEY = 'frontdesk.listScope';

/** The lists (calls, review, messages) can show every practice the person may see at once. */
export const ALL_PRACTICES = '*';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this session only.
  }
}

interface DeskState {
  /** Who is signed in: every decision and takeover is recorded under this name (by the appliance). */
  staffName: string;
  /** The practice the single-practice screens show (schedule, settings, rehearsal). */
  tenantId: string | null;
  /** What the lists show: ALL_PRACTICES or one practice id. */
  listScope: string;
  setStaffName(name: string): void;
  setTenantId(id: string): void;
  setListScope(scope: string): void;
}

/** Console-wide choices that outlive a screen, remembered on this PC. */
export const useDeskStore = create<DeskState>((set) => ({
  staffName: '',
  tenantId: read(TENANT_KEY),
  listScope: read(SCOPE_KEY) ?? ALL_PRACTICES,
  setStaffName(name) {
    set({ staffName: name });
  },
  setTenantId(id) {
    write(TENANT_KEY, id);
    set({ tenantId: id });
  },
  setListScope(scope) {
    write(SCOPE_KEY, scope);
    if (scope !== ALL_PRACTICES) write(TENANT_KEY, scope);
    set(scope === ALL_PRACTICES ? { listScope: scope } : { listScope: scope, tenantId: scope });
  },
}));
