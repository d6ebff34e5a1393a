import { describe, expect, it } from 'vitest';
import type { Health } from '../../../src/shared/contract/index.js';
import { buildTrayModel, MAX_TOOLTIP_LENGTH, type TrayMenuItem } from '../../../src/main/electron/tray-status.js';

function health(overrides: Partial<Health> = {}): Health {
  return {
    version: '0.1.0',
    startedAt: 0,
    now: 0,
    webhooks: { listening: true, localUrl: 'http://127.0.0.1:7411/twilio/voice', publicUrl: 'https://desk.example.com', signaturesVerified: true },
    storage: { ok: true, path: '/data/frontdesk.sqlite', schemaVersion: 3 },
    tenants: 1,
    activeCalls: 0,
    ...overrides,
  };
}

const labels = (items: TrayMenuItem[]): string[] => items.flatMap((item) => (item.kind === 'status' ? [item.label] : []));
const actions = (items: TrayMenuItem[]) => items.filter((item) => item.kind === 'action');

describe('buildTrayModel', () => {
  it('says it is starting before the core has answered', () => {
    const model = buildTrayModel(null);
    expect(model.level).toBe('starting');
    expect(model.tooltip).toBe('Frontdesk: starting…');
    expect(labels(model.items)).toEqual(['Starting…']);
  });

  it('summarises a healthy appliance', () => {
    const model = buildTrayModel(health());
    expect(model.level).toBe('ok');
    expect(model.tooltip).toBe('Frontdesk: 1 practice · Webhooks: https://desk.example.com');
    expect(labels(model.items)).toEqual(['Frontdesk 0.1.0', '1 practice', 'Webhooks: https://desk.example.com']);
  });

  it('counts practices', () => {
    expect(labels(buildTrayModel(health({ tenants: 3 })).items)).toContain('3 practices');
    const none = buildTrayModel(health({ tenants: 0 }));
    expect(labels(none.items)).toContain('No practice set up');
    expect(none.level).toBe('warning');
  });

  it('warns when Twilio has no public URL to reach', () => {
    const model = buildTrayModel(health({ webhooks: { listening: true, localUrl: 'http://127.0.0.1:7411/twilio/voice', publicUrl: null, signaturesVerified: false } }));
    expect(model.level).toBe('warning');
    expect(labels(model.items)).toContain('Webhooks: local only (no public URL)');
  });

  it('flags unverified signatures', () => {
    const model = buildTrayModel(health({ webhooks: { listening: true, localUrl: null, publicUrl: 'https://desk.example.com', signaturesVerified: false } }));
    expect(labels(model.items)).toContain('Webhooks: https://desk.example.com (signatures not verified)');
  });

  it('is an error when the webhook listener is down', () => {
    const model = buildTrayModel(health({ webhooks: { listening: false, localUrl: null, publicUrl: null, signaturesVerified: false } }));
    expect(model.level).toBe('error');
    expect(labels(model.items)).toContain('Webhooks: not listening');
  });

  it('puts a storage failure first in the tooltip', () => {
    const model = buildTrayModel(health({ storage: { ok: false, path: '/data/x.sqlite', schemaVersion: 0, error: 'disk full' } }));
    expect(model.level).toBe('error');
    expect(model.tooltip.startsWith('Frontdesk: Storage error')).toBe(true);
    expect(labels(model.items)).toContain('Storage error: disk full');
  });

  it('shows live calls only when there are some', () => {
    expect(labels(buildTrayModel(health()).items).some((label) => label.includes('call'))).toBe(false);
    expect(labels(buildTrayModel(health({ activeCalls: 1 })).items)).toContain('1 active call');
    const busy = buildTrayModel(health({ activeCalls: 2 }));
    expect(labels(busy.items)).toContain('2 active calls');
    expect(busy.tooltip).toContain('2 active calls');
  });

  it('keeps the tooltip within what Windows displays', () => {
    const long = `https://${'very-long-subdomain.'.repeat(10)}example.com`;
    const model = buildTrayModel(health({ webhooks: { listening: true, localUrl: null, publicUrl: long, signaturesVerified: true } }));
    expect(model.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_LENGTH);
    expect(model.tooltip.endsWith('…')).toBe(true);
  });

  it('always ends with Open console and Quit, after a separator', () => {
    for (const model of [buildTrayModel(null), buildTrayModel(health()), buildTrayModel(health({ tenants: 0 }))]) {
      expect(model.items.slice(-3)).toEqual([
        { kind: 'separator' },
        { kind: 'action', id: 'open-console', label: 'Open console' },
        { kind: 'action', id: 'quit', label: 'Quit Frontdesk' },
      ]);
      expect(actions(model.items)).toHaveLength(2);
    }
  });
});
