import type { Health } from '../../shared/contract/index.js';

export type TrayLevel = 'starting' | 'ok' | 'warning' | 'error';

export type TrayMenuItem =
  | { kind: 'status'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; id: TrayActionId; label: string };

export type TrayActionId = 'open-console' | 'quit';

export interface TrayModel {
  level: TrayLevel;
  tooltip: string;
  items: TrayMenuItem[];
}

/** Windows truncates tray tooltips at 127 characters; cut cleanly ourselves instead. */
export const MAX_TOOLTIP_LENGTH = 127;

const ACTIONS: TrayMenuItem[] = [
  { kind: 'separator' },
  { kind: 'action', id: 'open-console', label: 'Open console' },
  { kind: 'action', id: 'quit', label: 'Quit Frontdesk' },
];

/**
 * The tray is what staff glance at when the window is closed, so it answers the two questions
 * that matter: is any practice set up, and can Twilio reach us. `health` is null until the core
 * has answered once.
 */
export function buildTrayModel(health: Health | null): TrayModel {
  if (!health) {
    return { level: 'starting', tooltip: 'Frontdesk: starting…', items: [{ kind: 'status', label: 'Starting…' }, ...ACTIONS] };
  }
  const practices = practiceLabel(health.tenants);
  const webhooks = webhookLabel(health.webhooks);
  const status: TrayMenuItem[] = [
    { kind: 'status', label: `Frontdesk ${health.version}` },
    { kind: 'status', label: practices },
    { kind: 'status', label: webhooks },
  ];
  if (health.activeCalls > 0) status.push({ kind: 'status', label: callsLabel(health.activeCalls) });
  if (!health.storage.ok) status.push({ kind: 'status', label: `Storage error: ${health.storage.error ?? 'unavailable'}` });

  const level = levelOf(health);
  const summary = [practices, webhooks];
  if (health.activeCalls > 0) summary.push(callsLabel(health.activeCalls));
  if (!health.storage.ok) summary.unshift('Storage error');
  return { level, tooltip: clampTooltip(`Frontdesk: ${summary.join(' · ')}`), items: [...status, ...ACTIONS] };
}

function levelOf(health: Health): TrayLevel {
  if (!health.storage.ok || !health.webhooks.listening) return 'error';
  // Without a public URL or a practice, calls cannot reach anyone: running, but not answering.
  if (health.tenants === 0 || health.webhooks.publicUrl === null) return 'warning';
  return 'ok';
}

function practiceLabel(count: number): string {
  if (count === 0) return 'No practice set up';
  return count === 1 ? '1 practice' : `${count} practices`;
}

function callsLabel(count: number): string {
  return count === 1 ? '1 active call' : `${count} active calls`;
}

function webhookLabel(webhooks: Health['webhooks']): string {
  if (!webhooks.listening) return 'Webhooks: not listening';
  if (webhooks.publicUrl === null) return 'Webhooks: local only (no public URL)';
  const verified = webhooks.signaturesVerified ? '' : ' (signatures not verified)';
  return `Webhooks: ${webhooks.publicUrl}${verified}`;
}

function clampTooltip(text: string): string {
  return text.length <= MAX_TOOLTIP_LENGTH ? text : `${text.slice(0, MAX_TOOLTIP_LENGTH - 1)}…`;
}
