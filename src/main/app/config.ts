import { DateTime } from 'luxon';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ContractError, formatIssues } from '../../shared/contract/index.js';
import { defaultDataDir } from '../infra/paths.js';
import { canonicalHost } from '../server/console/host-policy.js';
import type { AppConfig } from './app-types.js';

/** Each setting: its environment variable and its matching command-line flag. */
export const SETTINGS = {
  dataDir: { env: 'FRONTDESK_DATA_DIR', flag: 'data-dir' },
  consolePort: { env: 'FRONTDESK_CONSOLE_PORT', flag: 'console-port' },
  consoleHost: { env: 'FRONTDESK_CONSOLE_HOST', flag: 'console-host' },
  consoleTlsCert: { env: 'FRONTDESK_CONSOLE_TLS_CERT', flag: 'console-tls-cert' },
  consoleTlsKey: { env: 'FRONTDESK_CONSOLE_TLS_KEY', flag: 'console-tls-key' },
  webhookPort: { env: 'FRONTDESK_WEBHOOK_PORT', flag: 'webhook-port' },
  publicUrl: { env: 'FRONTDESK_PUBLIC_URL', flag: 'public-url' },
  now: { env: 'FRONTDESK_NOW', flag: 'now' },
  accountSid: { env: 'TWILIO_ACCOUNT_SID', flag: 'twilio-account-sid' },
  authToken: { env: 'TWILIO_AUTH_TOKEN', flag: 'twilio-auth-token' },
  apiBase: { env: 'TWILIO_API_BASE', flag: 'twilio-api-base' },
  logLevel: { env: 'FRONTDESK_LOG_LEVEL', flag: 'log-level' },
  tunnel: { env: 'FRONTDESK_TUNNEL', flag: 'tunnel' },
  ngrokDomain: { env: 'FRONTDESK_NGROK_DOMAIN', flag: 'ngrok-domain' },
  vaultKey: { env: 'FRONTDESK_VAULT_KEY', flag: 'vault-key' },
  googleClientId: { env: 'GOOGLE_CLIENT_ID', flag: 'google-client-id' },
  googleClientSecret: { env: 'GOOGLE_CLIENT_SECRET', flag: 'google-client-secret' },
  googleApiBase: { env: 'GOOGLE_API_BASE', flag: 'google-api-base' },
  googleOAuthBase: { env: 'GOOGLE_OAUTH_BASE', flag: 'google-oauth-base' },
  outlookClientId: { env: 'OUTLOOK_CLIENT_ID', flag: 'outlook-client-id' },
  outlookApiBase: { env: 'OUTLOOK_API_BASE', flag: 'outlook-api-base' },
  outlookOAuthBase: { env: 'OUTLOOK_OAUTH_BASE', flag: 'outlook-oauth-base' },
  /** Overrides the vault's DEEPGRAM_API_KEY (like TWILIO_AUTH_TOKEN); kept off the config object. */
  deepgramApiKey: { env: 'DEEPGRAM_API_KEY', flag: 'deepgram-api-key' },
  deepgramUrl: { env: 'FRONTDESK_DEEPGRAM_URL', flag: 'deepgram-url' },
  openaiApiKey: { env: 'OPENAI_API_KEY', flag: 'openai-api-key' },
  openaiBaseUrl: { env: 'OPENAI_BASE_URL', flag: 'openai-base-url' },
  llmModel: { env: 'FRONTDESK_LLM_MODEL', flag: 'llm-model' },
} as const;

/** The model the LLM receptionist uses unless FRONTDESK_LLM_MODEL or a practice says otherwise. */
export const DEFAULT_LLM_MODEL = 'gpt-4.1-mini';

/**
 * Credentials read only from the environment (no flags: a flag shows in the process list); they
 * override the vault. DEEPGRAM_API_KEY overrides it too, through `deepgram.apiKey` (it has a flag).
 */
export const SECRET_ENVIRONMENT = ['NGROK_AUTHTOKEN', 'OPENAI_API_KEY'] as const;

export const DEFAULT_CONSOLE_PORT = 7410;
export const DEFAULT_WEBHOOK_PORT = 7411;

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int({ error: 'must be a port number from 0 to 65535' })
  .min(0, { error: 'must be a port number from 0 to 65535' })
  .max(65535, { error: 'must be a port number from 0 to 65535' });

const rawConfigSchema = z.object({
  dataDir: z.string().min(1),
  consolePort: port,
  // `127.1` binds 127.0.0.1 but a browser would send Host: 127.1; print and compare the canonical form.
  consoleHost: z.string().min(1).transform(canonicalHost),
  consoleTlsCert: z.string().min(1).nullable(),
  consoleTlsKey: z.string().min(1).nullable(),
  webhookPort: port,
  publicUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://frontdesk.example.com' })
    .transform((url) => url.replace(/\/+$/, ''))
    .nullable(),
  now: z
    .string()
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return null;
      const instant = DateTime.fromISO(value, { setZone: true });
      if (!instant.isValid || !/T/.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be an ISO instant such as 2026-11-23T14:00:00Z' });
        return z.NEVER;
      }
      return instant.toMillis();
    }),
  accountSid: z.string().min(1).nullable(),
  authToken: z.string().min(1).nullable(),
  apiBase: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
  googleClientId: z.string().min(1).nullable(),
  googleClientSecret: z.string().min(1).nullable(),
  googleApiBase: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
  googleOAuthBase: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
  outlookClientId: z.string().min(1).nullable(),
  outlookApiBase: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
  outlookOAuthBase: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
  deepgramApiKey: z.string().trim().min(1).nullable(),
  deepgramUrl: z
    .url({ protocol: /^(https?|wss?)$/, error: 'must be an http(s) or ws(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .nullable(),
  openaiApiKey: z.string().min(1).nullable(),
  openaiBaseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/v1' })
    .transform((url) => url.replace(/\/+$/, ''))
    .nullable(),
  llmModel: z.string().trim().min(1).max(200),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
  tunnel: z.enum(['ngrok', 'url', 'none'], { error: 'must be ngrok, url or none' }).nullable(),
  ngrokDomain: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, { error: 'must be a host name such as my-office.ngrok.app' })
    .nullable(),
  vaultKey: z.string().min(1).nullable(),
});

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where the built console and bundled resources live, relative to this compiled file. */
export const PATHS = {
  root: projectRoot,
  rendererDir: join(projectRoot, 'dist', 'renderer'),
  demoPractice: join(projectRoot, 'resources', 'demo-practice.json'),
};

/**
 * Builds the appliance configuration from environment variables, overridden by the matching
 * flags (`--console-port 0`). Invalid values fail with every problem named, before anything starts.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
  defaults: { dataDir?: string; serveConsole?: boolean } = {},
): AppConfig {
  const options = Object.fromEntries(Object.values(SETTINGS).map((s) => [s.flag, { type: 'string' as const }]));
  const { values } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true });
  const pick = (key: keyof typeof SETTINGS): string | null => {
    const fromFlag = values[SETTINGS[key].flag];
    if (typeof fromFlag === 'string') return fromFlag;
    const fromEnv = env[SETTINGS[key].env];
    return fromEnv === undefined || fromEnv === '' ? null : fromEnv;
  };
  const parsed = rawConfigSchema.safeParse({
    dataDir: pick('dataDir') ?? defaults.dataDir ?? defaultDataDir(),
    consolePort: pick('consolePort') ?? DEFAULT_CONSOLE_PORT,
    consoleHost: pick('consoleHost') ?? '127.0.0.1',
    consoleTlsCert: pick('consoleTlsCert'),
    consoleTlsKey: pick('consoleTlsKey'),
    webhookPort: pick('webhookPort') ?? DEFAULT_WEBHOOK_PORT,
    publicUrl: pick('publicUrl'),
    now: pick('now'),
    accountSid: pick('accountSid'),
    authToken: pick('authToken'),
    apiBase: pick('apiBase'),
    deepgramApiKey: pick('deepgramApiKey'),
    deepgramUrl: pick('deepgramUrl'),
    logLevel: pick('logLevel') ?? 'info',
    tunnel: pick('tunnel'),
    ngrokDomain: pick('ngrokDomain'),
    vaultKey: pick('vaultKey'),
    googleClientId: pick('googleClientId'),
    googleClientSecret: pick('googleClientSecret'),
    googleApiBase: pick('googleApiBase'),
    googleOAuthBase: pick('googleOAuthBase'),
    outlookClientId: pick('outlookClientId'),
    outlookApiBase: pick('outlookApiBase'),
    outlookOAuthBase: pick('outlookOAuthBase'),
    openaiApiKey: pick('openaiApiKey'),
    openaiBaseUrl: pick('openaiBaseUrl'),
    llmModel: pick('llmModel') ?? DEFAULT_LLM_MODEL,
  });
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as keyof typeof SETTINGS;
      const setting = SETTINGS[key];
      const name = setting ? `${setting.env} (--${setting.flag})` : formatIssues(parsed.error)[0];
      return `${name}: ${issue.message}`;
    });
    throw new ContractError('invalid_input', 'The configuration is not valid.', details);
  }
  const c = parsed.data;
  const servesConsole = defaults.serveConsole ?? true;
  const tlsProblems = checkTlsFiles(c.consoleTlsCert, c.consoleTlsKey);
  if (servesConsole && tlsProblems.length > 0) throw new ContractError('invalid_input', 'The configuration is not valid.', tlsProblems);
  if (servesConsole && env.FRONTDESK_CONSOLE_PASSWORD) {
    // The shared password is gone: each person signs in with their own account now.
    throw new ContractError('invalid_input', 'The configuration is not valid.', [
      'FRONTDESK_CONSOLE_PASSWORD is no longer used: staff sign in with their own accounts. Remove it and add people with `frontdesk staff add --name NAME --role owner`.',
    ]);
  }
  return {
    dataDir: resolve(c.dataDir),
    consolePort: c.consolePort,
    consoleHost: c.consoleHost,
    consoleTls: c.consoleTlsCert && c.consoleTlsKey ? { certFile: resolve(c.consoleTlsCert), keyFile: resolve(c.consoleTlsKey) } : null,
    webhookPort: c.webhookPort,
    // Twilio reaches the appliance only through the tunnel, which forwards to loopback.
    webhookHost: '127.0.0.1',
    publicUrl: c.publicUrl,
    pinnedNow: c.now,
    twilio: { accountSid: c.accountSid, authToken: c.authToken, apiBase: c.apiBase },
    deepgram: deepgramSettings(c.deepgramApiKey, c.deepgramUrl),
    logLevel: c.logLevel,
    google: { clientId: c.googleClientId, clientSecret: c.googleClientSecret, apiBase: c.googleApiBase, oauthBase: c.googleOAuthBase },
    outlook: { clientId: c.outlookClientId, apiBase: c.outlookApiBase, oauthBase: c.outlookOAuthBase },
    llm: { apiKey: c.openaiApiKey, baseUrl: c.openaiBaseUrl, model: c.llmModel },
    serveConsole: servesConsole,
    rendererDir: PATHS.rendererDir,
    seedDemo: true,
    tunnel: c.tunnel,
    ngrokDomain: c.ngrokDomain,
    vaultKey: c.vaultKey,
    secretsFromEnvironment: Object.fromEntries(
      SECRET_ENVIRONMENT.flatMap((name) => (env[name] ? [[name, env[name]] as const] : [])),
    ),
  };
}

/** The key stays in a closure: a config object that gets logged or serialized does not carry it. */
function deepgramSettings(apiKey: string | null, baseUrl: string | null): NonNullable<AppConfig['deepgram']> {
  return { apiKey: () => apiKey, baseUrl };
}

/** Both files or neither, and each readable where it says. */
function checkTlsFiles(cert: string | null, key: string | null): string[] {
  const { consoleTlsCert: certSetting, consoleTlsKey: keySetting } = SETTINGS;
  const name = (s: { env: string; flag: string }) => `${s.env} (--${s.flag})`;
  if (cert === null && key === null) return [];
  if (cert === null) return [`${name(certSetting)}: is required when ${keySetting.env} is set`];
  if (key === null) return [`${name(keySetting)}: is required when ${certSetting.env} is set`];
  const problems: string[] = [];
  if (!existsSync(cert)) problems.push(`${name(certSetting)}: there is no file at ${cert}`);
  if (!existsSync(key)) problems.push(`${name(keySetting)}: there is no file at ${key}`);
  return problems;
}
