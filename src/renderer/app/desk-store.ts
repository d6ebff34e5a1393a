import { create } from 'zustand';

const STAFF_KEY = 'frontdesk.staffName';
const TENANT_KEY = 'frontdesk.tenantId';

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
  /** Who is at the desk: every review decision and takeover is audited with this name. */
  staffName: string;
  /** The practice the console is showing, when the appliance serves several. */
  tenantId: string | null;
  setStaffName(name: string): void;
  setTenantId(id: string): void;
}

/** Console-wide choices that outlive a screen, remembered on this PC. */
export const useDeskStore = create<DeskState>((set) => ({
  staffName: read(STAFF_KEY) ?? '',
  tenantId: read(TENANT_KEY),
  setStaffName(name) {
    write(STAFF_KEY, name.trim() || null);
    set({ staffName: name });
  },
  setTenantId(id) {
    write(TENANT_KEY, id);
    set({ tenantId: id });
  },
}));
