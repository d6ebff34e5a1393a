import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../../src/shared/contract/tenant.js';
import { createSettingsStore, settingsStoreFor } from '../../../src/renderer/features/settings/settings-store.js';
import { errorsAt } from '../../../src/renderer/features/settings/settings-validation.js';
import { Refusal, booking, scriptedClient, settle } from './review-scripted-transport.js';

const demo = JSON.parse(readFileSync(new URL('../../../resources/demo-practice.json', import.meta.url), 'utf8')) as TenantConfig;

function setup() {
  const { transport, client } = scriptedClient();
  let stored: TenantConfig = structuredClone(demo);
  transport.handle('tenants/get', () => structuredClone(stored));
  // No appointments fall on a closed day here: the save goes ahead without asking.
  transport.handle('tenants/closure-impact', () => []);
  transport.handle('tenants/save', (input) => {
    stored = input.config;
    return { id: stored.id, name: stored.name, timezone: stored.timezone, phoneNumbers: [], providerCount: 3, serviceCount: 4, updatedAt: 2 };
  });
  const store = createSettingsStore(client, 'bright-smiles');
  const stop = store.getState().start();
  return { transport, store, stop, stored: () => stored };
}

describe('settings store', () => {
  it('loads the practice and tracks unsaved changes until reverted', async () => {
    const { store } = setup();
    await settle();
    expect(store.getState()).toMatchObject({ status: 'ready', dirty: false });
    store.getState().update(['name'], 'Brighter Smiles');
    expect(store.getState().dirty).toBe(true);
    store.getState().update(['name'], demo.name);
    expect(store.getState().dirty).toBe(false);
    store.getState().update(['booking', 'holdMinutes'], 9);
    store.getState().revert();
    expect(store.getState().draft?.booking.holdMinutes).toBe(5);
    expect(store.getState().dirty).toBe(false);
  });

  it('refuses to send an invalid draft and shows the summary', async () => {
    const { store, transport } = setup();
    await settle();
    store.getState().update(['booking', 'slotStepMinutes'], 0);
    const ok = await store.getState().save();
    expect(ok).toBe(false);
    expect(transport.count('tenants/save')).toBe(0);
    expect(store.getState().showSummary).toBe(true);
  });

  it('saves a valid draft, reloads what the appliance stored and clears the indicator', async () => {
    const { store, transport, stored } = setup();
    await settle();
    store.getState().update(['closures'], [...demo.closures, { date: '2026-11-30', reason: 'Staff training' }]);
    const ok = await store.getState().save();
    expect(ok).toBe(true);
    expect(stored().closures).toContainEqual({ date: '2026-11-30', reason: 'Staff training' });
    expect(transport.count('tenants/get')).toBe(2);
    expect(store.getState()).toMatchObject({ dirty: false, savedNotice: 'Saved. The next call uses these settings.' });
  });

  it('shows the appliance’s details next to the fields until they are edited', async () => {
    const { store, transport } = setup();
    await settle();
    transport.handle('tenants/save', () => {
      throw new Refusal({ code: 'invalid_input', message: 'The practice configuration is not valid.', details: ['greeting: must not be empty'] });
    });
    store.getState().update(['greeting'], 'Hello!');
    await store.getState().save();
    expect(store.getState().saveProblem).toEqual({ message: 'The practice configuration is not valid.', details: ['greeting: must not be empty'] });
    expect(errorsAt(store.getState().serverErrors, ['greeting'])).toEqual(['must not be empty']);
    store.getState().update(['greeting'], 'Hello there!');
    expect(errorsAt(store.getState().serverErrors, ['greeting'])).toEqual([]);
  });

  it('follows saves from elsewhere, but never over unsaved edits', async () => {
    const { store, transport } = setup();
    await settle();
    transport.emit({ name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } });
    await settle();
    expect(transport.count('tenants/get')).toBe(2);

    store.getState().update(['name'], 'Mine');
    transport.emit({ name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } });
    await settle();
    expect(transport.count('tenants/get')).toBe(2);
    expect(store.getState()).toMatchObject({ changedElsewhere: true });
    expect(store.getState().draft?.name).toBe('Mine');

    transport.setState('reconnecting');
    transport.setState('open');
    await settle();
    expect(transport.count('tenants/get')).toBe(2);
  });

  it('keeps an unsaved draft while staff look at another screen', async () => {
    const { transport, client } = scriptedClient();
    transport.handle('tenants/get', () => structuredClone(demo));
    const store = settingsStoreFor(client, 'bright-smiles');
    expect(settingsStoreFor(client, 'bright-smiles')).toBe(store);
    expect(settingsStoreFor(client, 'other')).not.toBe(store);
    const stop = store.getState().start();
    await settle();
    store.getState().update(['greeting'], 'Hello from the draft');
    stop();
    settingsStoreFor(client, 'bright-smiles').getState().start();
    await settle();
    expect(transport.count('tenants/get')).toBe(1);
    expect(store.getState().draft?.greeting).toBe('Hello from the draft');
  });

  it('says why it could not load', async () => {
    const { transport, client } = scriptedClient();
    transport.handle('tenants/get', () => {
      throw new Refusal({ code: 'not_found', message: 'There is no practice "bright-smiles".' });
    });
    const store = createSettingsStore(client, 'bright-smiles');
    store.getState().start();
    await settle();
    expect(store.getState()).toMatchObject({ status: 'error', loadError: 'There is no practice "bright-smiles".' });
  });

  it('asks before a change that strands booked visits outside the new hours, then says what was done', async () => {
    const { store, transport, stored } = setup();
    const hal = { ...booking({ id: 'hal', status: 'confirmed', providerId: 'dr-patel' }), why: "Dr. Raj Patel's new hours on Mondays end at 2:00 PM", closedDay: false };
    transport.handle('tenants/closure-impact', (input) => (input.config.providers.find((p: { id: string }) => p.id === 'dr-patel').hours.mon.length === 1 ? [hal] : []));
    await settle();
    store.getState().update(['providers', 1, 'hours', 'mon'], [['09:00', '12:00']]);
    expect(await store.getState().save()).toBe(false);
    expect(transport.count('tenants/save')).toBe(0);
    expect(store.getState().closedDays).toEqual([hal]);

    expect(await store.getState().save('review')).toBe(true);
    expect(stored().providers[1]?.hours?.mon).toEqual([['09:00', '12:00']]);
    expect(store.getState()).toMatchObject({ closedDays: null, savedNotice: 'Saved. The appointments outside the new hours are waiting in Review to be moved.' });
  });
});
