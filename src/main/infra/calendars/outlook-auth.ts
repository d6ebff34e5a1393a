import { InteractionRequiredAuthError, PublicClientApplication, type AuthenticationResult, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { CalendarError } from '../../core/calendars/index.js';

export interface OutlookOptions {
  /** The "Mobile and desktop applications" app registration (a public client: no secret). */
  clientId: string | null;
  /** Microsoft Graph's root (`https://graph.microsoft.com`), or a fake's. */
  apiBase: string | null;
  /** The Microsoft identity platform's root (`https://login.microsoftonline.com`), or a fake's. */
  oauthBase: string | null;
  now: () => number;
}

/** What the vault keeps for an Outlook connection: MSAL's serialized token cache and whose account it is. */
export interface OutlookCredential {
  cache: string;
  homeAccountId: string;
}

export const OUTLOOK_SERVICE = 'Outlook';
export const GRAPH_ROOT = 'https://graph.microsoft.com';
const LOGIN_ROOT = 'https://login.microsoftonline.com';
/** Work, school and personal Microsoft accounts alike. */
const AUTHORITY = `${LOGIN_ROOT}/common`;
export const OUTLOOK_SCOPES = ['https://graph.microsoft.com/Calendars.ReadWrite', 'https://graph.microsoft.com/User.Read'];

/** Where a Microsoft sign-in URL really goes: Microsoft itself, or the base the settings name (a test's fake). */
export function loginUrl(url: string, oauthBase: string | null): string {
  if (!oauthBase || !url.startsWith(LOGIN_ROOT)) return url;
  return oauthBase.replace(/\/$/, '') + url.slice(LOGIN_ROOT.length);
}

/**
 * MSAL insists on an https authority; its requests go through this client, which sends them to
 * the configured base instead (production: Microsoft, unchanged) with plain fetch.
 */
function networkClient(oauthBase: string | null): INetworkModule {
  async function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const response = await fetch(loginUrl(url, oauthBase), { method, headers: options?.headers ?? {}, ...(options?.body !== undefined ? { body: options.body } : {}), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: 'invalid_response', error_description: `The Microsoft sign-in service answered something unreadable (HTTP ${response.status}).` };
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, headers, body: body as T };
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

export function outlookClient(options: Pick<OutlookOptions, 'clientId' | 'oauthBase'>): PublicClientApplication {
  if (!options.clientId) throw new CalendarError('auth', 'Outlook sign-in needs OUTLOOK_CLIENT_ID (a "Mobile and desktop applications" app registration).');
  return new PublicClientApplication({
    auth: { clientId: options.clientId, authority: AUTHORITY },
    system: { networkClient: networkClient(options.oauthBase) },
  });
}

/** An MSAL failure in plain words: a refused or expired sign-in means "reconnect"; anything else is retried. */
export function outlookAuthError(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  const e = error as { errorCode?: string; errorMessage?: string; message?: string };
  const code = `${e.errorCode ?? ''} ${e.errorMessage ?? e.message ?? ''}`;
  if (error instanceof InteractionRequiredAuthError || /invalid_grant|interaction_required|no_tokens_found|consent_required|login_required|AADSTS70008|AADSTS700082/.test(code)) {
    return new CalendarError('auth', `${OUTLOOK_SERVICE} refused the saved sign-in (it expired or was revoked). Reconnect this calendar.`);
  }
  return new CalendarError('unavailable', 'The Microsoft sign-in service is not answering right now; retrying.');
}

/**
 * An access token for Graph from the saved MSAL cache: MSAL answers from the cache or redeems the
 * refresh token (`force` after Graph refused the token), and the changed cache goes back to the vault.
 */
export async function outlookAccessToken(options: OutlookOptions, stored: string | null, save: (value: string) => void, force: boolean): Promise<string> {
  let credential: Partial<OutlookCredential> | null = null;
  try {
    credential = stored ? (JSON.parse(stored) as Partial<OutlookCredential>) : null;
  } catch {
    throw new CalendarError('auth', `The saved ${OUTLOOK_SERVICE} sign-in is unreadable. Reconnect this calendar.`);
  }
  if (!credential?.cache || !credential.homeAccountId) throw new CalendarError('auth', `No ${OUTLOOK_SERVICE} sign-in is saved. Reconnect this calendar.`);
  const client = outlookClient(options);
  const cache = client.getTokenCache();
  cache.deserialize(credential.cache);
  let result: AuthenticationResult;
  try {
    const account = await cache.getAccountByHomeId(credential.homeAccountId);
    if (!account) throw new CalendarError('auth', `The saved ${OUTLOOK_SERVICE} sign-in has no account in it. Reconnect this calendar.`);
    result = await client.acquireTokenSilent({ account, scopes: OUTLOOK_SCOPES, forceRefresh: force });
  } catch (error) {
    throw outlookAuthError(error);
  }
  // Microsoft rotates refresh tokens on use: keep the newest.
  if (cache.hasChanged()) save(JSON.stringify({ cache: cache.serialize(), homeAccountId: credential.homeAccountId } satisfies OutlookCredential));
  return result.accessToken;
}
