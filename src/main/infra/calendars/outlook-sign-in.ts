import { CryptoProvider } from '@azure/msal-node';
import type { PendingSignIn } from './google-sign-in.js';
import { listenForRedirect } from './loopback-redirect.js';
import { GRAPH_ROOT, loginUrl, OUTLOOK_SCOPES, outlookAccessToken, outlookAuthError, outlookClient, type OutlookCredential, type OutlookOptions } from './outlook-auth.js';

/** One calendar of the signed-in account, as the connection will point at it. */
export interface OutlookCalendar {
  /** Graph's calendar id (not "primary": a provider may connect two accounts, each with a default calendar). */
  address: string;
  name: string;
  isDefault: boolean;
}

export interface OutlookSignIn {
  /** The vault's value for every calendar of this account: MSAL's token cache (see outlook-auth.ts). */
  secret: string;
  /** The account's sign-in name (user@practice.com), shown next to the calendar; never a secret. */
  username: string | null;
  calendars: OutlookCalendar[];
}

/** The account's calendars it may write to or read, the default first. */
async function listCalendars(options: OutlookOptions, secret: string): Promise<OutlookCalendar[]> {
  const token = await outlookAccessToken(options, secret, () => undefined, false);
  const response = await fetch(`${(options.apiBase ?? GRAPH_ROOT).replace(/\/$/, '')}/v1.0/me/calendars?$select=id,name,isDefaultCalendar,canEdit`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`Outlook did not list the account's calendars (HTTP ${response.status}).`);
  const { value = [] } = (await response.json()) as { value?: { id: string; name?: string; isDefaultCalendar?: boolean }[] };
  const calendars = value.map((c) => ({ address: c.id, name: c.name ?? 'Calendar', isDefault: c.isDefaultCalendar === true }));
  return calendars.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/**
 * Microsoft's sign-in for an installed app through MSAL: the authorization-code flow with PKCE
 * (S256) and a one-shot loopback listener on 127.0.0.1; MSAL redeems the code and keeps the
 * tokens (with the refresh token, `offline_access`) in its cache, which goes to the vault whole.
 */
export async function startOutlookSignIn(options: OutlookOptions & { timeoutMs?: number }): Promise<PendingSignIn<OutlookSignIn>> {
  const client = outlookClient(options);
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const pending = await listenForRedirect(
    'Outlook calendar',
    async (code, redirectUri): Promise<OutlookSignIn> => {
      let homeAccountId: string;
      let username: string | null;
      try {
        const result = await client.acquireTokenByCode({ code, codeVerifier: verifier, redirectUri, scopes: OUTLOOK_SCOPES });
        if (!result.account) throw new Error('Microsoft did not say which account signed in.');
        homeAccountId = result.account.homeAccountId;
        username = result.account.username || null;
      } catch (error) {
        throw new Error(outlookAuthError(error).message);
      }
      const secret = JSON.stringify({ cache: client.getTokenCache().serialize(), homeAccountId } satisfies OutlookCredential);
      return { secret, username, calendars: await listCalendars(options, secret) };
    },
    options.timeoutMs,
  );
  let url: string;
  try {
    url = await client.getAuthCodeUrl({ scopes: OUTLOOK_SCOPES, redirectUri: pending.redirectUri, state: pending.state, codeChallenge: challenge, codeChallengeMethod: 'S256', prompt: 'select_account' });
  } catch (error) {
    pending.cancel();
    throw new Error(outlookAuthError(error).message);
  }
  return { url: loginUrl(url, options.oauthBase), tokens: pending.result, cancel: pending.cancel };
}
