import type { AnyEvent, CommandResult, SessionStateDto, StaffMemberDto } from '../../shared/contract/index.js';
import type { Principal } from '../core/staff/index.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Everything the appliance needs to run; built from env + CLI flags by `loadConfig`. */
export interface AppConfig {
  /** Where SQLite and logs live. */
  dataDir: string;
  /** Console listener (headless host only). 0 = any free port. */
  consolePort: number;
  consoleHost: string;
  /** HTTPS for the console on a LAN: PEM certificate and key files; null = plain HTTP. */
  consoleTls: { certFile: string; keyFile: string } | null;
  /** Public (Twilio) listener. 0 = any free port. */
  webhookPort: number;
  webhookHost: string;
  /** The https base Twilio calls (the tunnel's); null = the local webhook URL. */
  publicUrl: string | null;
  /** Epoch ms the clock starts at (FRONTDESK_NOW), then runs on; null = real time. */
  pinnedNow: number | null;
  twilio: { accountSid: string | null; authToken: string | null; apiBase: string | null };
  /** Google Calendar's "Desktop app" OAuth client, and other bases for tests; absent = not configured. */
  google?: { clientId: string | null; clientSecret: string | null; apiBase: string | null; oauthBase: string | null };
  /** Outlook / Microsoft 365: the public-client app registration (no secret), and Graph / sign-in bases for tests; absent = not configured. */
  outlook?: { clientId: string | null; apiBase: string | null; oauthBase: string | null };
  /**
   * Deepgram for stream mode. `apiKey` is the DEEPGRAM_API_KEY / --deepgram-api-key override of
   * the vault's key, behind a function so a logged or serialized config does not carry it; the
   * app reads the key from the vault (with this on top) at each use.
   */
  deepgram?: { apiKey: () => string | null; baseUrl: string | null };
  logLevel: LogLevel;
  /**
   * The LLM receptionist's OpenAI-compatible endpoint. `apiKey` from OPENAI_API_KEY wins over the
   * vault's (servers set it in the environment); null = read OPENAI_API_KEY from the vault at use time.
   */
  llm: { apiKey: string | null; baseUrl: string | null; model: string };
  /** The headless host serves the console over HTTP + WebSocket; the desktop host uses IPC. */
  serveConsole: boolean;
  /** Built renderer (index.html + assets). */
  rendererDir: string;
  /** Load the demo practice when the data folder has no tenant. */
  seedDemo: boolean;
  /** FRONTDESK_TUNNEL: pins how Twilio reaches the appliance; null = what the setup wizard chose. */
  tunnel?: 'ngrok' | 'url' | 'none' | null;
  /** FRONTDESK_NGROK_DOMAIN: a reserved/static ngrok domain; null = what the wizard chose, else a random one. */
  ngrokDomain?: string | null;
  /** FRONTDESK_VAULT_KEY: the vault key itself instead of the key file in the data folder. */
  vaultKey?: string | null;
  /** NGROK_AUTHTOKEN, OPENAI_API_KEY from the environment: they win over stored values (DEEPGRAM_API_KEY: see `deepgram`). */
  secretsFromEnvironment?: Readonly<Record<string, string>>;
}

export interface CommandContext {
  /** Who acts: the signed-in person's name, "Front desk" on an open console, or the transport. */
  actor: string;
  transport: 'ipc' | 'ws' | 'cli' | 'internal';
  /**
   * Console transports (ws, ipc): who is signed in on this connection, null = nobody. The
   * dispatcher checks every command against it. The CLI and in-process callers are trusted.
   */
  principal?: Principal | null;
  /** The connection's sign-in state, for the `session/*` commands. */
  session?: SessionControl;
}

export interface ConsoleSessionOptions {
  transport: 'ws' | 'ipc';
  source: string;
  openUntilFirstAccount: boolean;
  /** The desktop window's OS user (`os.userInfo().username`), for "Remember me on this computer"; never set headless. */
  desktopUser?: string;
}

/** One console connection's sign-in, as the `session/*` commands see it. */
export interface SessionControl {
  state(): SessionStateDto;
  signIn(name: string, password: string): Promise<{ token: string; expiresAt: number; staff: StaffMemberDto }>;
  resume(token: string): SessionStateDto;
  signOut(token: string | undefined): SessionStateDto;
  /** Desktop app only: remember this OS user for the person signed in. */
  rememberHere(): boolean;
  /** Desktop app only: sign in whoever this OS user was remembered for. */
  signInRemembered(): { token: string; expiresAt: number; staff: StaffMemberDto } | null;
}

export interface StartedApp {
  consoleUrl: string | null;
  webhookUrl: string;
}

/** The whole appliance as one object graph; hosts (Electron, headless) are thin wrappers. */
export interface App {
  readonly config: AppConfig;
  start(): Promise<StartedApp>;
  stop(): Promise<void>;
  /** Validates `input` against the contract, runs the command, never throws. */
  dispatch(name: string, input: unknown, context: CommandContext): Promise<CommandResult>;
  subscribe(listener: (event: AnyEvent) => void): () => void;
  /** A console connection (a WebSocket or the desktop window); commands run as whoever signs in on it. */
  openConsoleSession(options: ConsoleSessionOptions): {
    dispatch(name: string, input: unknown): Promise<CommandResult>;
    filter(event: AnyEvent): AnyEvent | null;
  };
}
