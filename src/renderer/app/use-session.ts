import { createContext, useContext } from 'react';
import type { SessionStateDto } from '../../shared/contract/staff.js';

export interface SessionValue {
  session: SessionStateDto;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in on this console (always someone inside the gate). */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionGate>.');
  return value;
}
