import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import type { Store } from '../app/store-connection.ts';
import { requesterForIdentity } from '../app/user-accounts.ts';
import { startSession } from '../app/user-sessions.ts';
import { TandemError } from '../domain/tandem-error.ts';

/** The mission's identity provider, as the server's environment names it. */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is read from there. */
  issuer: URL;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  /** The claim of the ID token whose value is the Tandem account's name. */
  claim: string;
  /** How the sign-in page names the provider on its button. */
  label: string;
}

/**
 * The identity provider's settings from the environment, or null when none is configured:
 * TANDEM_OIDC_ISSUER and TANDEM_OIDC_CLIENT_ID (both, or neither), TANDEM_OIDC_CLIENT_SECRET for a
 * confidential client, TANDEM_OIDC_CLAIM (the claim naming the account; `preferred_username`
 * unless said, `email` where account names are e-mail addresses) and TANDEM_OIDC_LABEL.
 */
export function oidcSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const issuer = env.TANDEM_OIDC_ISSUER?.trim();
  const clientId = env.TANDEM_OIDC_CLIENT_ID?.trim();
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId) {
    throw new TandemError(
      'bad-input',
      'TANDEM_OIDC_ISSUER and TANDEM_OIDC_CLIENT_ID: give both to sign in through an identity provider, or neither',
    );
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new TandemError('bad-input', `TANDEM_OIDC_ISSUER: "${issuer}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !isLoopbackUrl(url)) {
    throw new TandemError(
      'bad-input',
      `TANDEM_OIDC_ISSUER: ${issuer} is not https; only a provider on this machine (loopback) may be reached over plain http`,
    );
  }
  return {
    issuer: url,
    clientId,
    clientSecret: env.TANDEM_OIDC_CLIENT_SECRET || undefined,
    claim: env.TANDEM_OIDC_CLAIM?.trim() || 'preferred_username',
    label: env.TANDEM_OIDC_LABEL?.trim() || url.host,
  };
}

function isLoopbackUrl(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export interface OidcSignInOptions {
  store: Store;
  settings: OidcSettings;
  /** The server's public address (TANDEM_URL), when it differs from what requests arrive at. */
  publicUrl?: string;
  /** Whether a request came over HTTPS (sign-in.ts decides, trusting a proxy only when told to). */
  isHttps: (c: Context) => boolean;
  /** Sets the session cookie for a session just started. */
  setSession: (c: Context, sessionId: string) => void;
  /** The sign-in page with a message (HTML, escaped already). */
  page: (message: string) => string;
}

/** A sign-in begun at the provider: what its callback must match. */
interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  at: number;
}

/** How long a sign-in at the provider may take, from the button to the callback. */
const PENDING_MS = 10 * 60 * 1000;
const PENDING_COOKIE = 'tandem_oidc';
/** Set by signing out (sign-in.ts): the next sign-in through the provider asks it to sign in again. */
export const SIGNED_OUT_COOKIE = 'tandem_signed_out';
/** At most this many sign-ins under way at once: a flood of button presses cannot fill memory. */
const MAX_PENDING = 10_000;

/**
 * Sign-in through the mission's identity provider by OpenID Connect (authorization code with PKCE,
 * state and nonce, through `openid-client`). `GET /auth/sign-in` sends the browser to the provider;
 * `GET /auth/callback` (on the server's own address) exchanges the code, checks the ID token, and
 * starts a Tandem session for the existing account named by the configured claim. A person the
 * provider knows but Tandem does not is refused with a page saying so: no account is ever created
 * and no right given by the provider alone.
 */
export function oidcSignIn(app: Hono, options: OidcSignInOptions): void {
  const { settings } = options;
  let configuration: Promise<oidc.Configuration> | null = null;
  const discover = () => {
    configuration ??= oidc
      .discovery(
        settings.issuer,
        settings.clientId,
        undefined,
        settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None(),
        isLoopbackUrl(settings.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        // Asked again at the next sign-in: the provider may be back by then.
        configuration = null;
        throw e;
      });
    return configuration;
  };
  const pending = new Map<string, Pending>();
  const callbackUrl = (c: Context) =>
    new URL('/auth/callback', options.publicUrl ?? new URL(c.req.url).origin);
  // Messages may quote what the provider or the request said: always escaped.
  const refuse = (c: Context, message: string, status: 401 | 403 | 502) =>
    c.html(options.page(escapeHtml(message)), status);

  app.get('/auth/sign-in', async (c) => {
    let config: oidc.Configuration;
    try {
      config = await discover();
    } catch (e) {
      return refuse(
        c,
        `The identity provider (${settings.label}) did not answer: ${(e as Error).message}. Try again, or sign in with your name and password.`,
        502,
      );
    }
    const now = Date.now();
    for (const [k, p] of pending) if (now - p.at > PENDING_MS) pending.delete(k);
    if (pending.size >= MAX_PENDING)
      throw new TandemError('too-many-requests', 'too many sign-ins under way: try again in a minute');
    const p: Pending = {
      verifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      at: now,
    };
    const key = randomBytes(24).toString('base64url');
    pending.set(key, p);
    // Lax, not Strict: the provider sends the browser back by a cross-site redirect.
    setCookie(c, PENDING_COOKIE, key, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/auth',
      maxAge: PENDING_MS / 1000,
      secure: options.isHttps(c),
    });
    // After signing out of Tandem, the provider is asked to sign the person in again, not to pass
    // on the session it still holds: on a field office's shared machine the next person to press
    // the button would otherwise come in as the last.
    const afterSignOut = getCookie(c, SIGNED_OUT_COOKIE) !== undefined;
    if (afterSignOut) deleteCookie(c, SIGNED_OUT_COOKIE, { path: '/auth' });
    const to = oidc.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(c).href,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(p.verifier),
      code_challenge_method: 'S256',
      state: p.state,
      nonce: p.nonce,
      ...(afterSignOut ? { prompt: 'login' } : {}),
    });
    return c.redirect(to.href, 302);
  });

  app.get('/auth/callback', async (c) => {
    const key = getCookie(c, PENDING_COOKIE) ?? '';
    const p = pending.get(key);
    pending.delete(key);
    deleteCookie(c, PENDING_COOKIE, { path: '/auth' });
    if (!p || Date.now() - p.at > PENDING_MS) {
      return refuse(c, 'This sign-in was not started here, or took too long: start it again.', 401);
    }
    let claims: Record<string, unknown> | undefined;
    // The claim naming the account: from the ID token, or the provider's UserInfo for the same
    // subject (openid-client checks that its `sub` is the ID token's).
    try {
      const url = callbackUrl(c);
      url.search = new URL(c.req.url).search;
      const config = await discover();
      const tokens = await oidc.authorizationCodeGrant(config, url, {
        pkceCodeVerifier: p.verifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Many providers put only `sub` in the ID token of a code flow and the profile at UserInfo.
      if (claims && claims[settings.claim] === undefined) {
        claims = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
      }
    } catch (e) {
      // openid-client words the kind of failure; the library underneath, what did not match.
      const cause = (e as Error).cause instanceof Error ? `: ${((e as Error).cause as Error).message}` : '';
      return refuse(c, `Signing in through ${settings.label} failed: ${(e as Error).message}${cause}`, 401);
    }
    const name = claims?.[settings.claim];
    // An address the person typed and the provider never confirmed names whoever typed it: many
    // providers let anyone set their own. Only a confirmed one names an account.
    if (settings.claim === 'email' && claims?.email_verified !== true) {
      return refuse(
        c,
        `${settings.label} has not confirmed the e-mail address "${String(name ?? '')}", so it cannot name your Tandem account: confirm it with ${settings.label}, or ask the administrator to name accounts by another claim (TANDEM_OIDC_CLAIM).`,
        403,
      );
    }
    if (typeof name !== 'string' || !name.trim()) {
      return refuse(
        c,
        `${settings.label} did not say who you are (no "${settings.claim}" in its answer); ask the administrator to check TANDEM_OIDC_CLAIM.`,
        401,
      );
    }
    const requester = await requesterForIdentity(options.store, name);
    if (!requester) {
      return refuse(
        c,
        `${settings.label} knows you as "${name}", but Tandem has no account of that name. Signing in through ${settings.label} gives no rights of its own: ask an administrator to create your account (tandem users add "${name}" --roles …).`,
        403,
      );
    }
    const session = await startSession(options.store, requester);
    options.setSession(c, session.id);
    return c.redirect('/', 303);
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
