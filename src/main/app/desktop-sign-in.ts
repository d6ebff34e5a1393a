import type { SecretVault } from '../core/kernel/index.js';
import type { Principal, SignedIn, StaffService } from '../core/staff/index.js';

/** The vault entry holding this computer's device token (safeStorage-encrypted on the desktop). */
export const DESKTOP_SIGN_IN_SECRET = 'FRONTDESK_DESKTOP_SIGN_IN';

export interface DesktopIdentity {
  /** The signed-in OS user (`os.userInfo().username`); only the desktop app knows one. */
  osUser: string;
  vault: SecretVault;
}

/**
 * "Remember me on this computer": links this OS user to the person just signed in. The device
 * token goes into the vault; the database keeps only its hash and the OS user, so neither a copied
 * database nor another OS user on the same PC signs anyone in.
 */
export function rememberOnThisComputer(staff: StaffService, desktop: DesktopIdentity, principal: Principal): void {
  if (principal.staffId === null) return;
  const previous = desktop.vault.get(DESKTOP_SIGN_IN_SECRET);
  if (previous) staff.forgetDevice(previous);
  desktop.vault.set(DESKTOP_SIGN_IN_SECRET, staff.rememberDevice(principal.staffId, desktop.osUser));
}

/** The remembered person's new session at launch, or null (nothing remembered, forgotten by an owner, removed). */
export function signInRemembered(staff: StaffService, desktop: DesktopIdentity): SignedIn | null {
  const token = desktop.vault.get(DESKTOP_SIGN_IN_SECRET);
  if (!token) return null;
  const signed = staff.signInWithDevice(token, desktop.osUser);
  // A link an owner revoked stays revoked: drop the dead token instead of trying it every launch.
  if (!signed) desktop.vault.delete(DESKTOP_SIGN_IN_SECRET);
  return signed;
}

/** Signing out on purpose forgets this computer too: the next launch asks for the password. */
export function forgetThisComputer(staff: StaffService, desktop: DesktopIdentity): void {
  const token = desktop.vault.get(DESKTOP_SIGN_IN_SECRET);
  if (token) staff.forgetDevice(token);
  desktop.vault.delete(DESKTOP_SIGN_IN_SECRET);
}
