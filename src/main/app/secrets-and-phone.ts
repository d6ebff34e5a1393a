import { createHash } from 'node:crypto';
import type { Logger as PinoLogger } from 'pino';
import type { Clock, SecretVault } from '../core/kernel/index.js';
import { PhoneSetup, type ApplianceSettings, type TunnelStatus } from '../core/reachability/index.js';
import type { TenantService } from '../core/tenants/index.js';
import { createApplianceSettings } from '../infra/db/repositories/appliance-settings-repository.js';
import { createPhoneAttachmentRepository } from '../infra/db/repositories/phone-attachment-repository.js';
import type { Db } from '../infra/db/database.js';
import { createFileVault, overlayEnvironment, type OverlaidVault, type VaultProtection } from '../infra/secrets/index.js';
import { createTwilioPhoneNumbers } from '../infra/twilio/twilio-phone-numbers.js';
import { createTwilioRestClient, type TwilioRestClient } from '../infra/twilio/twilio-rest-client.js';
import type { AppConfig } from './app-types.js';

export const SETTING = {
  accountSid: 'twilio.accountSid',
  tunnelMode: 'tunnel.mode',
  ownUrl: 'tunnel.ownUrl',
  ngrokDomain: 'tunnel.ngrokDomain',
  /** The public URL the running appliance has now; the CLI points numbers at it. */
  currentUrl: 'tunnel.currentUrl',
  completedAt: 'setup.completedAt',
} as const;

/** A vault the host provides (the desktop's safeStorage); it reports how well it protects. */
export type HostVault = SecretVault & { readonly protection?: VaultProtection };

/**
 * The credentials and the phone set-up shared by the appliance and the CLI: the vault (with the
 * environment on top), the appliance settings, Twilio's REST client rebuilt whenever the SID or
 * token changes (so a rotated token applies to the next request), and the number set-up.
 */
export function createSecretsAndPhone(options: {
  config: AppConfig;
  db: Db;
  clock: Clock;
  logger: PinoLogger;
  tenants: TenantService;
  hostVault?: HostVault;
  onChanged: () => void;
}) {
  const { config, db, clock, logger } = options;
  const store: HostVault = options.hostVault ?? createFileVault({ dataDir: config.dataDir, keyFromEnvironment: config.vaultKey ?? null, logger });
  const vault: OverlaidVault = overlayEnvironment(store, {
    TWILIO_AUTH_TOKEN: config.twilio.authToken,
    DEEPGRAM_API_KEY: config.deepgram?.apiKey() ?? null,
    ...config.secretsFromEnvironment,
  });
  const settings: ApplianceSettings = createApplianceSettings(db, () => clock.now());

  /** A secret that cannot be read (a lost vault key) is logged once per read and treated as unset, so a webhook still answers. */
  const readSecret = (name: string): string | null => {
    try {
      return vault.get(name);
    } catch (error) {
      logger.error({ secret: name, err: String(error) }, 'a stored secret cannot be read');
      return null;
    }
  };
  const twilioAccount = () => ({
    accountSid: config.twilio.accountSid ?? settings.get(SETTING.accountSid),
    authToken: readSecret('TWILIO_AUTH_TOKEN'),
    apiBase: config.twilio.apiBase,
  });

  let client: { key: string; rest: TwilioRestClient | null } | null = null;
  const twilioRest = (): TwilioRestClient | null => {
    const account = twilioAccount();
    const key = fingerprint(`${account.accountSid}\u0000${account.authToken}\u0000${account.apiBase}`);
    if (client?.key !== key) client = { key, rest: createTwilioRestClient(account) };
    return client.rest;
  };

  let publicUrl: () => string | null = () => config.publicUrl ?? settings.get(SETTING.currentUrl);
  const phone = new PhoneSetup({
    gateway: () => {
      const rest = twilioRest();
      return rest ? createTwilioPhoneNumbers(rest) : null;
    },
    attachments: createPhoneAttachmentRepository(db),
    tenants: options.tenants,
    publicUrl: () => publicUrl(),
    clock,
    logger: logger.child({ domain: 'reachability' }),
    onChanged: options.onChanged,
  });

  let tunnelStatus: () => TunnelStatus = () => ({
    mode: config.publicUrl ? 'url' : 'none',
    state: 'off',
    url: publicUrl(),
    problem: null,
    selfTest: null,
    since: clock.now(),
  });

  return {
    vault,
    protection: store.protection ?? 'key-file',
    settings,
    twilioAccount,
    twilioRest,
    readSecret,
    phone,
    publicUrl: () => publicUrl(),
    tunnelStatus: () => tunnelStatus(),
    /** The running appliance's tunnel takes over where the public URL comes from. */
    attachTunnel(source: { publicUrl: () => string | null; status: () => TunnelStatus }) {
      publicUrl = source.publicUrl;
      tunnelStatus = source.status;
    },
  };
}

export type SecretsAndPhone = ReturnType<typeof createSecretsAndPhone>;

/** Short, one-way: lets a cache or a tunnel notice a changed credential without keeping it. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
