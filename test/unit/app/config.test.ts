import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src/shared/contract/index.js';
import { loadConfig } from '../../../src/main/app/index.js';

describe('loadConfig', () => {
  it('uses safe defaults: loopback console, real time, the OS data folder', () => {
    const config = loadConfig({ HOME: '/home/desk' }, [], {});
    expect(config.consoleHost).toBe('127.0.0.1');
    expect(config.consolePort).toBe(7410);
    expect(config.webhookPort).toBe(7411);
    expect(config.pinnedNow).toBeNull();
    expect(config.publicUrl).toBeNull();
    expect(config.dataDir).toMatch(/Frontdesk$/);
    expect(config.logLevel).toBe('info');
  });

  it('reads every documented environment variable', () => {
    const config = loadConfig(
      {
        FRONTDESK_DATA_DIR: '/tmp/fd',
        FRONTDESK_CONSOLE_PORT: '0',
        FRONTDESK_WEBHOOK_PORT: '8080',
        FRONTDESK_CONSOLE_HOST: '0.0.0.0',
        FRONTDESK_CONSOLE_TLS_CERT: '/etc/hosts',
        FRONTDESK_CONSOLE_TLS_KEY: '/etc/hostname',
        FRONTDESK_PUBLIC_URL: 'https://desk.example.com/',
        FRONTDESK_NOW: '2026-11-23T14:00:00Z',
        TWILIO_ACCOUNT_SID: 'AC123',
        TWILIO_AUTH_TOKEN: 'tok',
        FRONTDESK_LOG_LEVEL: 'debug',
      },
      [],
    );
    expect(config).toMatchObject({
      dataDir: '/tmp/fd',
      consolePort: 0,
      webhookPort: 8080,
      consoleHost: '0.0.0.0',
      consoleTls: { certFile: '/etc/hosts', keyFile: '/etc/hostname' },
      publicUrl: 'https://desk.example.com',
      pinnedNow: Date.parse('2026-11-23T14:00:00Z'),
      twilio: { accountSid: 'AC123', authToken: 'tok', apiBase: null },
      logLevel: 'debug',
    });
  });

  it('lets flags override the environment', () => {
    const config = loadConfig({ FRONTDESK_CONSOLE_PORT: '9000' }, ['--console-port', '9001', '--now=2026-03-08T06:00:00-05:00']);
    expect(config.consolePort).toBe(9001);
    expect(config.pinnedNow).toBe(Date.parse('2026-03-08T11:00:00Z'));
  });

  it('names every invalid setting with its variable and flag', () => {
    let error: unknown;
    try {
      loadConfig({ FRONTDESK_CONSOLE_PORT: 'seventy', FRONTDESK_NOW: 'tomorrow', FRONTDESK_PUBLIC_URL: 'ftp://x', FRONTDESK_LOG_LEVEL: 'loud' }, []);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContractError);
    const details = (error as ContractError).details ?? [];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^FRONTDESK_CONSOLE_PORT \(--console-port\): must be a port number/),
        expect.stringMatching(/^FRONTDESK_NOW \(--now\): must be an ISO instant/),
        expect.stringMatching(/^FRONTDESK_PUBLIC_URL \(--public-url\): must be an http\(s\) URL/),
        expect.stringMatching(/^FRONTDESK_LOG_LEVEL \(--log-level\): must be one of/),
      ]),
    );
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ FRONTDESK_WEBHOOK_PORT: '70000' }, [])).toThrow(ContractError);
  });

  it('opens the console to the LAN without a shared password: each person signs in with their own account', () => {
    expect(loadConfig({ FRONTDESK_CONSOLE_HOST: '0.0.0.0' }, []).consoleHost).toBe('0.0.0.0');
    expect(() => loadConfig({ FRONTDESK_CONSOLE_HOST: '0.0.0.0', FRONTDESK_CONSOLE_PASSWORD: 'front-desk-2026' }, [])).toThrow(ContractError);
    try {
      loadConfig({ FRONTDESK_CONSOLE_PASSWORD: 'front-desk-2026' }, []);
    } catch (error) {
      expect((error as ContractError).details?.[0]).toMatch(/no longer used.*frontdesk staff add/);
    }
    // The desktop app talks over IPC and serves no console: the host setting cannot expose anything there.
    expect(loadConfig({ FRONTDESK_CONSOLE_HOST: '0.0.0.0' }, [], { serveConsole: false }).serveConsole).toBe(false);
  });

  it('reads the Deepgram key and URL from the environment or flags, and never puts the key on the config object', () => {
    const config = loadConfig({ DEEPGRAM_API_KEY: 'dg-secret-key', FRONTDESK_DEEPGRAM_URL: 'http://127.0.0.1:9999/' }, []);
    expect(config.deepgram?.apiKey()).toBe('dg-secret-key');
    expect(config.deepgram?.baseUrl).toBe('http://127.0.0.1:9999');
    expect(JSON.stringify(config)).not.toContain('dg-secret-key');
    const flagged = loadConfig({ DEEPGRAM_API_KEY: 'from-env' }, ['--deepgram-api-key', 'from-flag', '--deepgram-url', 'https://dg.example.com']);
    expect(flagged.deepgram?.apiKey()).toBe('from-flag');
    expect(flagged.deepgram?.baseUrl).toBe('https://dg.example.com');
    expect(loadConfig({}, []).deepgram?.apiKey()).toBeNull();
    expect(() => loadConfig({ FRONTDESK_DEEPGRAM_URL: 'ftp://x' }, [])).toThrow(ContractError);
  });

  it('reads the LLM endpoint: key, OpenAI-compatible base URL and model, with flags winning', () => {
    expect(loadConfig({ HOME: '/home/desk' }, [], {}).llm).toEqual({ apiKey: null, baseUrl: null, model: 'gpt-4.1-mini' });
    const config = loadConfig(
      { HOME: '/home/desk', OPENAI_API_KEY: 'sk-env', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1/', FRONTDESK_LLM_MODEL: 'llama-3.1-8b' },
      ['--llm-model', 'qwen2.5-7b-instruct'],
      {},
    );
    expect(config.llm).toEqual({ apiKey: 'sk-env', baseUrl: 'http://127.0.0.1:8080/v1', model: 'qwen2.5-7b-instruct' });
  });

  it('refuses an LLM base URL that is not http(s), naming the variable and flag', () => {
    expect(() => loadConfig({ HOME: '/home/desk', OPENAI_BASE_URL: 'ftp://models.local' }, [], {})).toThrow(ContractError);
    try {
      loadConfig({ HOME: '/home/desk', OPENAI_BASE_URL: 'ftp://models.local' }, [], {});
    } catch (error) {
      expect((error as ContractError).details?.join(' ')).toMatch(/OPENAI_BASE_URL \(--openai-base-url\): must be an http\(s\) URL/);
    }
  });

  it('takes a TLS certificate and key together, and checks the files exist', () => {
    expect(loadConfig({}, []).consoleTls).toBeNull();
    expect(() => loadConfig({ FRONTDESK_CONSOLE_TLS_CERT: '/etc/hosts' }, [])).toThrow(/not valid/);
    try {
      loadConfig({ FRONTDESK_CONSOLE_TLS_CERT: '/nowhere/cert.pem', FRONTDESK_CONSOLE_TLS_KEY: '/etc/hosts' }, []);
      expect.unreachable();
    } catch (error) {
      expect((error as ContractError).details).toEqual(['FRONTDESK_CONSOLE_TLS_CERT (--console-tls-cert): there is no file at /nowhere/cert.pem']);
    }
    expect(loadConfig({ FRONTDESK_CONSOLE_TLS_CERT: '/etc/hosts', FRONTDESK_CONSOLE_TLS_KEY: '/etc/hostname' }, []).consoleTls).toEqual({
      certFile: '/etc/hosts',
      keyFile: '/etc/hostname',
    });
  });
});
