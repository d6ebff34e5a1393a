/** The one account the fake signs in: a Microsoft 365 user in a practice's tenant. */
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const USER = { oid: '00000000-0000-0000-66f3-3332eca7ea81', name: 'Maria Lopez', username: 'maria@brightsmiles.example' };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An id token as the identity platform issues it (unsigned here: MSAL reads the claims, it does not verify the signature). */
export function fakeIdToken(clientId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: clientId, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, iat: now, nbf: now, exp: now + 3600, name: USER.name, oid: USER.oid, preferred_username: USER.username, sub: 'fake-subject', tid: TENANT, ver: '2.0' };
  return `${b64({ typ: 'JWT', alg: 'RS256', kid: 'fake' })}.${b64(claims)}.c2lnbmF0dXJl`;
}

/** The granted scopes: what was asked for, without the OpenID ones (as the identity platform answers). */
export function grantedScope(requested: string): string {
  return requested.split(' ').filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s)).join(' ');
}
