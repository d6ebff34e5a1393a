import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { SessionStateDto } from '../../shared/contract/staff.js';
import { describeError } from '../api/command-error.js';
import { useConnectionState, useConsoleClient } from './console-client-context.js';
import { useDeskStore } from './desk-store.js';
import { readSessionToken, writeSessionToken } from './session-token.js';
import { SessionContext } from './use-session.js';

/**
 * Shows the console only to someone signed in (or on this PC's own console before any account
 * exists). Re-checks on every connection and whenever the appliance refuses a command, so an
 * expired session or a removed account lands on the sign-in form instead of on errors.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const client = useConsoleClient();
  const connection = useConnectionState();
  const [session, setSession] = useState<SessionStateDto | null>(null);
  const setStaffName = useDeskStore((s) => s.setStaffName);

  const check = useCallback(async () => {
    try {
      const token = readSessionToken();
      // The desktop window has no socket URL to carry the token: resume explicitly.
      const state = token && client.transportKind === 'ipc' ? await client.call('session/resume', { token }) : await client.call('session/get', {});
      if (!state.staff && token) writeSessionToken(null);
      if (!state.staff && client.transportKind === 'ipc') {
        // The desktop may remember this computer's OS user for someone: sign them in without a password.
        const remembered = await client.call('session/sign-in-remembered', {});
        if (remembered) {
          writeSessionToken(remembered.token);
          setSession({ staff: remembered.staff, signInRequired: true });
          return;
        }
      }
      setSession(state);
    } catch {
      // Not connected yet; the next connection checks again.
    }
  }, [client]);

  useEffect(() => {
    if (connection === 'open') void check();
  }, [connection, check]);
  useEffect(() => client.onUnauthorized(() => void check()), [client, check]);
  // An owner changed someone's account: this person's role or practices may differ now, or they were removed.
  useEffect(() => client.on('staff/changed', () => void check()), [client, check]);
  useEffect(() => {
    if (session?.staff) setStaffName(session.staff.name);
  }, [session, setStaffName]);

  const signOut = useCallback(async () => {
    const token = readSessionToken();
    writeSessionToken(null);
    setSession(await client.call('session/sign-out', token ? { token } : {}));
  }, [client]);

  if (session === null) {
    return (
      <div className="sign-in-page">
        <p className="loading">Connecting to Frontdesk…</p>
      </div>
    );
  }
  if (!session.staff) return <SignInForm onSignedIn={setSession} />;
  return <SessionContext.Provider value={{ session, signOut }}>{children}</SessionContext.Provider>;
}

function SignInForm({ onSignedIn }: { onSignedIn: (state: SessionStateDto) => void }) {
  const client = useConsoleClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [remember, setRemember] = useState(false);
  // Only the desktop app knows this computer's OS user; a browser console never offers it.
  const canRemember = client.transportKind === 'ipc';
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !password) {
      setError('Enter your name and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const signed = await client.call('session/sign-in', { name: name.trim(), password });
      writeSessionToken(signed.token);
      if (remember && canRemember) await client.call('session/remember-device', {});
      onSignedIn({ staff: signed.staff, signInRequired: true });
    } catch (e) {
      setError(describeError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-page">
      <main className="panel sign-in-panel" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" className="sign-in-title">
          Sign in to Frontdesk
        </h1>
        <form className="sign-in-form" onSubmit={(e) => void submit(e)} noValidate>
          <label className="field">
            <span className="field-label">Name</span>
            <input ref={nameRef} className="input" name="username" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Password</span>
            <input className="input" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {canRemember ? (
            <label className="sign-in-remember">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember me on this computer
            </label>
          ) : null}
          <div role="alert" className="sign-in-error">
            {error ? <p className="field-error">{error}</p> : null}
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted sign-in-help">Forgot your password? An owner can give you a new one under People.</p>
      </main>
    </div>
  );
}
