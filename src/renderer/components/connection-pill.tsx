import type { ConnectionState } from '../api/connection-state.js';
import { useConnectionState } from '../app/console-client-context.js';
import { StatusPill, type Tone } from './status-pill.js';

const LABELS: Record<ConnectionState, { tone: Tone; label: string }> = {
  connecting: { tone: 'neutral', label: 'Connecting' },
  open: { tone: 'ok', label: 'Connected' },
  reconnecting: { tone: 'warn', label: 'Offline' },
  closed: { tone: 'bad', label: 'Disconnected' },
};

export function ConnectionPill() {
  const state = useConnectionState();
  const { tone, label } = LABELS[state];
  return (
    <span className="connection-pill" data-state={state}>
      <span className="visually-hidden">Appliance connection: </span>
      <StatusPill tone={tone}>{label}</StatusPill>
    </span>
  );
}
