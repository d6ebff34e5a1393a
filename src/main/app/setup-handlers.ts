import { ContractError, type SetupStatus } from '../../shared/contract/index.js';
import type { DesiredTunnel, TunnelStatus } from '../core/reachability/index.js';
import { createTwilioPhoneNumbers } from '../infra/twilio/twilio-phone-numbers.js';
import { createTwilioRestClient } from '../infra/twilio/twilio-rest-client.js';
import type { AppConfig } from './app-types.js';
import type { CommandHandlers } from './dispatch.js';
import { fingerprint, SETTING, type SecretsAndPhone } from './secrets-and-phone.js';

/** What only the running appliance can do (the CLI has no tunnel): settle the tunnel, re-run its self-test. */
export interface TunnelControl {
  reconcile(): Promise<void>;
  selfTest(): Promise<void>;
  lastWebhookAt(): number | null;
}

export const NO_TUNNEL_CONTROL: TunnelControl = { reconcile: async () => {}, selfTest: async () => {}, lastWebhookAt: () => null };

type SetupCommand =
  | 'setup/get-status'
  | 'setup/save-twilio'
  | 'setup/complete'
  | 'secrets/list'
  | 'secrets/set'
  | 'secrets/delete'
  | 'phone/list-numbers'
  | 'phone/attach-number'
  | 'phone/detach-number'
  | 'tunnel/configure'
  | 'tunnel/self-test';

/** The tunnel the settings (and the environment, which wins) ask for; its key changes when it must restart. */
export function desiredTunnel(config: AppConfig, s: SecretsAndPhone): DesiredTunnel | null {
  if (config.publicUrl) return { spec: { mode: 'url', url: config.publicUrl }, key: `url:${config.publicUrl}` };
  const mode = config.tunnel ?? s.settings.get(SETTING.tunnelMode) ?? 'none';
  if (mode === 'url') {
    const url = s.settings.get(SETTING.ownUrl);
    return url ? { spec: { mode: 'url', url }, key: `url:${url}` } : null;
  }
  if (mode === 'ngrok') {
    const domain = config.ngrokDomain ?? s.settings.get(SETTING.ngrokDomain);
    return { spec: { mode: 'ngrok', domain }, key: `ngrok:${domain ?? ''}:${fingerprint(s.readSecret('NGROK_AUTHTOKEN') ?? '')}` };
  }
  return null;
}

export function createSetupHandlers(deps: {
  config: AppConfig;
  setup: SecretsAndPhone;
  tunnel: () => TunnelControl;
  publish: () => void;
  /** Attaching a number adds it to the practice file; the console's practice views follow. */
  tenantChanged: (tenantId: string) => void;
  now: () => number;
}): Pick<CommandHandlers, SetupCommand> {
  const { config, setup } = deps;
  const { vault, settings, phone } = setup;
  const tunnelPinned = config.publicUrl !== null || (config.tunnel ?? null) !== null;

  const secrets = () => {
    const pinned = new Set(vault.overriddenNames());
    return vault.names().map((name) => ({ name, set: true, fromEnvironment: pinned.has(name) }));
  };
  const tunnelStatus = (): TunnelStatus => setup.tunnelStatus();
  const status = (): SetupStatus => {
    const account = setup.twilioAccount();
    const completed = settings.get(SETTING.completedAt);
    return {
      twilio: { accountSid: account.accountSid, authTokenSet: account.authToken !== null, pinnedByEnvironment: config.twilio.accountSid !== null || config.twilio.authToken !== null },
      tunnel: {
        mode: config.publicUrl ? 'url' : ((config.tunnel ?? settings.get(SETTING.tunnelMode) ?? 'none') as 'none' | 'ngrok' | 'url'),
        ownUrl: config.publicUrl ?? settings.get(SETTING.ownUrl),
        ngrokDomain: config.ngrokDomain ?? settings.get(SETTING.ngrokDomain),
        ngrokAuthtokenSet: setup.readSecret('NGROK_AUTHTOKEN') !== null,
        pinnedByEnvironment: tunnelPinned,
        status: tunnelStatus(),
      },
      attachments: phone.attachments().map(toAttachmentDto),
      lastWebhookAt: deps.tunnel().lastWebhookAt(),
      secrets: secrets(),
      completedAt: completed === null ? null : Number(completed),
    };
  };
  const changed = <T>(value: T): T => {
    deps.publish();
    return value;
  };

  return {
    'setup/get-status': () => status(),
    'setup/save-twilio': async ({ accountSid, authToken }) => {
      const token = authToken ?? setup.readSecret('TWILIO_AUTH_TOKEN');
      if (!token) throw new ContractError('invalid_input', 'Enter the auth token too (Twilio console → Account Info).');
      // Check with Twilio before keeping anything, so a typo never replaces working credentials.
      const probe = createTwilioRestClient({ accountSid, authToken: token, apiBase: config.twilio.apiBase });
      await createTwilioPhoneNumbers(probe!).list();
      settings.set(SETTING.accountSid, accountSid);
      if (authToken) vault.set('TWILIO_AUTH_TOKEN', authToken);
      const numbers = await phone.listNumbers();
      await phone.pointAll({ reverify: true });
      return changed(numbers);
    },
    'setup/complete': () => {
      settings.set(SETTING.completedAt, String(deps.now()));
      return changed(status());
    },
    'secrets/list': () => secrets(),
    'secrets/set': ({ name, value }) => {
      vault.set(name, value);
      return changed({ name, set: true, fromEnvironment: vault.overriddenNames().includes(name) });
    },
    'secrets/delete': ({ name }) => {
      vault.delete(name);
      return changed({ name, set: vault.names().includes(name), fromEnvironment: vault.overriddenNames().includes(name) });
    },
    'phone/list-numbers': () => phone.listNumbers(),
    'phone/attach-number': async ({ tenantId, phoneNumber }, context) => {
      const attachment = await phone.attach(tenantId, phoneNumber, context.actor);
      deps.tenantChanged(tenantId);
      return changed(toAttachmentDto(attachment));
    },
    'phone/detach-number': async ({ tenantId }, context) => changed(toAttachmentDto(await phone.detach(tenantId, context.actor))),
    'tunnel/configure': async (input) => {
      if (tunnelPinned) {
        throw new ContractError('conflict', 'FRONTDESK_PUBLIC_URL or FRONTDESK_TUNNEL decides how Twilio reaches this appliance; change it there.');
      }
      settings.set(SETTING.tunnelMode, input.mode);
      if (input.mode === 'url') settings.set(SETTING.ownUrl, input.url.replace(/\/+$/, ''));
      if (input.mode === 'ngrok') {
        if (input.authtoken) vault.set('NGROK_AUTHTOKEN', input.authtoken);
        if (input.domain !== undefined) settings.set(SETTING.ngrokDomain, input.domain || null);
      }
      await deps.tunnel().reconcile();
      // A new URL re-points the numbers; answer once Twilio has read them back.
      await phone.pointAll();
      return changed(tunnelStatus());
    },
    'tunnel/self-test': async () => {
      await deps.tunnel().selfTest();
      return changed(tunnelStatus());
    },
  };
}

function toAttachmentDto(a: { tenantId: string; phoneNumber: string; numberSid: string; pointedAt: string | null; verifiedAt: number | null; problem: string | null }) {
  return { tenantId: a.tenantId, phoneNumber: a.phoneNumber, numberSid: a.numberSid, pointedAt: a.pointedAt, verifiedAt: a.verifiedAt, problem: a.problem };
}
