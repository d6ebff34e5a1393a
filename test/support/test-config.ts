import type { AppConfig } from '../../src/main/app/index.js';
import { PATHS } from '../../src/main/app/index.js';

export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

/** An appliance config for tests: free ports, quiet logs, a signed-webhook token. */
export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    dataDir,
    consolePort: 0,
    consoleHost: '127.0.0.1',
    consoleTls: null,
    webhookPort: 0,
    webhookHost: '127.0.0.1',
    publicUrl: null,
    pinnedNow: null,
    twilio: { accountSid: 'AC00000000000000000000000000000000', authToken: TEST_AUTH_TOKEN, apiBase: null },
    logLevel: 'silent',
    llm: { apiKey: null, baseUrl: null, model: 'test-model' },
    serveConsole: true,
    rendererDir: PATHS.rendererDir,
    seedDemo: true,
    ...overrides,
  };
}
