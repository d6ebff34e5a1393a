import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { CalendarConnectionDto, Provider } from '../../../shared/contract/index.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { InlineError } from '../../components/inline-error.js';
import { StatusPill } from '../../components/status-pill.js';
import { CalendarDeliveries } from './calendar-deliveries.js';
import { createCalendarsStore, type CalendarsStore } from './calendars-store.js';
import { SettingsSection } from './settings-section.js';

const KIND_NAMES: Record<CalendarConnectionDto['kind'], string> = { google: 'Google', outlook: 'Outlook', caldav: 'CalDAV', ics: 'ICS feed' };
const SIGN_IN_NAMES = { google: 'Google', outlook: 'Microsoft' } as const;

function StatusOf({ connection }: { connection: CalendarConnectionDto }) {
  if (connection.status === 'reconnect') return <StatusPill tone="bad">Reconnect</StatusPill>;
  if (connection.status === 'error') return <StatusPill tone="warn">Not syncing</StatusPill>;
  return <StatusPill tone="ok">{connection.lastSyncAt ? 'Synced' : 'Connected'}</StatusPill>;
}

/**
 * Settings → Calendars: each provider's calendars, live. Not part of the practice file: changes
 * here apply at once (there is nothing to Save).
 */
export function CalendarsSection({ tenantId, providers }: { tenantId: string; providers: readonly Provider[] }) {
  const client = useConsoleClient();
  const [store] = useState(() => createCalendarsStore(client, tenantId));
  useEffect(() => store.getState().start(), [store]);
  const { status, connections, deliveries, error, actionError, busy, signIn, lastSync } = useStore(store);
  const { update, disconnect, syncNow, signInWith } = store.getState();

  return (
    <SettingsSection
      id="settings-calendars"
      title="Calendars"
      intro="Busy time in each provider's calendars blocks bookings; bookings are written to the calendar marked “Gets bookings”. Changes here apply at once."
      actions={
        <button type="button" className="button button-small" disabled={busy || connections.length === 0} onClick={() => void syncNow()}>
          Sync now
        </button>
      }
    >
      {status === 'error' ? <InlineError message={`Couldn't load the calendars: ${error ?? ''}`} onRetry={() => void store.getState().refresh()} /> : null}
      {actionError ? <div className="notice notice-warn" role="alert">{actionError}</div> : null}
      {lastSync ? <p role="status" className="muted">{lastSync}</p> : null}
      {providers.map((provider) => {
        const mine = connections.filter((c) => c.providerId === provider.id);
        return (
          <div key={provider.id} className="calendar-provider" aria-label={`${provider.name}'s calendars`} role="group">
            <h3 className="calendar-provider-name">{provider.name}</h3>
            {mine.length === 0 ? <p className="muted">No calendars connected.</p> : null}
            <ul className="calendar-list">
              {mine.map((c) => (
                <li key={c.id} className="calendar-item" aria-label={c.label}>
                  <div className="calendar-item-head">
                    <strong>{c.label}</strong> <span className="muted">{KIND_NAMES[c.kind]}</span> <StatusOf connection={c} />
                  </div>
                  <div className="muted calendar-item-sync">{c.lastSyncAt ? `Last synced ${new Date(c.lastSyncAt).toLocaleString()}` : 'Not synced yet'}</div>
                  {c.lastError ? <p className="calendar-item-error">{c.lastError}</p> : null}
                  <div className="calendar-item-actions">
                    <label>
                      <input type="checkbox" checked={c.countsAsBusy} disabled={busy} onChange={(e) => void update(c.id, { countsAsBusy: e.target.checked })} /> Counts as busy
                    </label>
                    {c.kind !== 'ics' ? (
                      <label>
                        <input type="checkbox" checked={c.receivesBookings} disabled={busy} onChange={(e) => void update(c.id, { receivesBookings: e.target.checked })} /> Gets bookings
                      </label>
                    ) : null}
                    {c.status === 'reconnect' && (c.kind === 'google' || c.kind === 'outlook') ? (
                      <button type="button" className="button button-small" disabled={busy} onClick={() => void signInWith(c.kind as 'google' | 'outlook', provider.id)}>
                        Reconnect
                      </button>
                    ) : null}
                    <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void disconnect(c.id)}>
                      Disconnect
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {signIn ? (
        <p className="notice" role="status">
          {signIn.openedInBrowser
            ? `Your browser opened to sign in to ${SIGN_IN_NAMES[signIn.kind]}; the calendars appear here when you are done. No browser window? `
            : `Open this link to sign in to ${SIGN_IN_NAMES[signIn.kind]}, then come back here: `}
          <a href={signIn.url} target="_blank" rel="noreferrer">
            Sign in with {SIGN_IN_NAMES[signIn.kind]}
          </a>
        </p>
      ) : null}
      {connections.length > 0 ? <CalendarDeliveries deliveries={deliveries} /> : null}
      <ConnectForm store={store} tenantId={tenantId} providers={providers} />
    </SettingsSection>
  );
}

function ConnectForm({ store, tenantId, providers }: { store: CalendarsStore; tenantId: string; providers: readonly Provider[] }) {
  const busy = useStore(store, (s) => s.busy);
  const [providerId, setProviderId] = useState(providers[0]?.id ?? '');
  const [kind, setKind] = useState<'caldav' | 'ics' | 'google' | 'outlook'>('caldav');
  const browserSignIn = kind === 'google' || kind === 'outlook';
  const [address, setAddress] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'google' || kind === 'outlook') return void (await store.getState().signInWith(kind, providerId));
    const ok = await store
      .getState()
      .connect(kind === 'caldav' ? { tenantId, providerId, kind, address: address.trim(), username: username.trim(), password } : { tenantId, providerId, kind, address: address.trim() });
    if (ok) {
      setAddress('');
      setPassword('');
    }
  };

  return (
    <form className="calendar-connect" onSubmit={(e) => void submit(e)} aria-label="Connect a calendar">
      <h3>Connect a calendar</h3>
      <label>
        Provider{' '}
        <select value={providerId} onChange={(e) => setProviderId(e.target.value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Type{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="caldav">CalDAV (iCloud, Fastmail, Nextcloud)</option>
          <option value="ics">ICS feed (read-only)</option>
          <option value="google">Google Calendar</option>
          <option value="outlook">Outlook / Microsoft 365</option>
        </select>
      </label>
      {!browserSignIn ? (
        <label>
          Address <input type="url" required value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://…" />
        </label>
      ) : null}
      {kind === 'caldav' ? (
        <>
          <label>
            User name <input required value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
          </label>
          <label>
            App password <input type="password" required value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </label>
        </>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy || !providerId}>
        {browserSignIn ? `Sign in with ${SIGN_IN_NAMES[kind]}` : busy ? 'Connecting…' : 'Connect'}
      </button>
    </form>
  );
}
