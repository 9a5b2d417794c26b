import { AsyncLocalStorage } from 'node:async_hooks';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { mayWrite } from '../app/access-control.ts';
import type { Requester } from '../app/operation.ts';
import type { Store } from '../app/store-connection.ts';
import { requesterForPassword, requesterForToken, signInRequired } from '../app/user-accounts.ts';
import { endSession, requesterForSession, startSession } from '../app/user-sessions.ts';
import type { Language } from '../domain/language.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type OidcSettings, oidcSignIn, SIGNED_OUT_COOKIE } from './oidc-sign-in.ts';
import { readBodyText } from './request-guards.ts';
import { signInLanguage, signInMessages, signInPage } from './sign-in-page.ts';
import { SignInThrottle } from './sign-in-throttle.ts';

export const SESSION_COOKIE = 'tandem_session';

/** A sign-in form is a name and a token: nothing larger is read. */
const SIGN_IN_MAX_BYTES = 16 * 1024;

const current = new AsyncLocalStorage<Requester>();

/**
 * The key under which a request made inside the server process (`app.request(path, init, env)`,
 * as the start-up warming does) names whom it acts for. Requests from the network cannot carry it:
 * their `env` is the Node server's own request and response objects.
 */
export const IN_PROCESS_REQUESTER = Symbol('tandem.inProcessRequester');

/** Who the request being served acts for, as sign-in established it. */
export function currentRequester(): Requester | undefined {
  return current.getStore();
}

export interface SignInOptions {
  store: Store;
  /** The mission's identity provider, when sign-in through it is configured. */
  oidc?: OidcSettings | null;
  /** The server's public address (TANDEM_URL), where it differs from what requests arrive at. */
  publicUrl?: string;
  /**
   * Whether to believe a proxy's `X-Forwarded-Proto: https` (TANDEM_TRUST_PROXY=1): only behind a
   * proxy that sets it, as anyone could send it otherwise.
   */
  trustProxy?: boolean;
  /** Who a request acts for while the store has no accounts (a workbench on one's own machine). */
  withoutAccounts: () => Requester;
  /**
   * The server listens beyond this machine: without accounts nobody is let in (the last account
   * removed while it runs closes it, rather than opening it to everyone).
   */
  networked?: boolean;
  /** How long the answer to "does the store have accounts?" is reused, ms. */
  recheckMs?: number;
}

const NO_ACCOUNTS =
  'this server listens beyond this machine and its store has no accounts, so nobody can sign in: create one with `tandem users add NAME --roles ROLES`';

// Paths anyone may reach: the health check, the sign-in page itself, and the page's code and styles
// (built files, no data).
const OPEN = [
  /^\/api\/health$/,
  /^\/sign-(in|out)$/,
  /^\/auth\/(sign-in|callback)$/,
  /^\/assets\//,
  /^\/favicon/,
];

/**
 * The address a request came from ('local' for requests made inside the process). Behind a proxy
 * the operator trusts (`trustProxy`), every request arrives from the proxy: the client is the
 * address the proxy appended last to `X-Forwarded-For`, or one person's failed sign-ins would
 * lock every user out.
 */
function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * Whether a request came over HTTPS: to this server itself, or, when the operator says a proxy in
 * front terminates TLS (`trustProxy`), to that proxy as its `X-Forwarded-Proto` says.
 */
export function cameOverHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  const first = (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase();
  return first === 'https';
}

function bearer(header: string | undefined): string {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : '';
}

/**
 * Sign-in for the workbench and the API. While the store has no accounts nothing changes: every
 * request acts as `withoutAccounts()` (the server binds to this machine by default). Once an
 * account exists (`tandem users add`), each request must carry its token, as `Authorization:
 * Bearer …` (scripts) or as the session cookie that the sign-in link sets (browsers); it then acts
 * with that account's name and roles, so the access check and the access log see the real person.
 */
export function signIn(app: Hono, options: SignInOptions): void {
  let checked = { at: 0, required: false };
  const required = async () => {
    if (Date.now() - checked.at > (options.recheckMs ?? 2000)) {
      checked = { at: Date.now(), required: await signInRequired(options.store) };
    }
    return checked.required;
  };

  const throttle = new SignInThrottle();
  const isHttps = (c: Context) => cameOverHttps(c, options.trustProxy ?? false);
  // Cookies are HttpOnly and SameSite=Strict, and Secure whenever the request came over HTTPS.
  const setSession = (c: Context, id: string) =>
    setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c) });
  const oidcLabel = options.oidc?.label;
  const page = (message: string, lang: Language = 'en') => signInPage(message, oidcLabel, lang);
  // The language asked for goes along to the sign-in page and back to the workbench.
  const withLang = (path: string, lang: Language) => (lang === 'en' ? path : `${path}?lang=${lang}`);

  app.use('*', async (c, next) => {
    const inProcess = (c.env as Record<symbol, Requester | undefined> | undefined)?.[IN_PROCESS_REQUESTER];
    if (inProcess) return current.run(inProcess, next);
    const path = new URL(c.req.url).pathname;
    const noAccounts = !(await required());
    if (noAccounts && !options.networked) return current.run(options.withoutAccounts(), next);
    if (OPEN.some((re) => re.test(path))) return next();
    if (noAccounts && path.startsWith('/api/')) throw new TandemError('unauthenticated', NO_ACCOUNTS);
    const token = bearer(c.req.header('authorization'));
    const session = token ? '' : (getCookie(c, SESSION_COOKIE) ?? '');
    const requester = token
      ? await requesterForToken(options.store, token)
      : await requesterForSession(options.store, session);
    if (requester) return current.run(requester, next);
    if (path.startsWith('/api/')) {
      throw new TandemError(
        'unauthenticated',
        token
          ? 'this token matches no account (it may have been replaced or removed); ask for a new one'
          : session
            ? 'your session has ended (signed out, idle too long, or the account changed): sign in again'
            : 'sign in first: send "Authorization: Bearer <token>" (`tandem users add` issues tokens)',
      );
    }
    return c.redirect(withLang('/sign-in', signInLanguage(c)));
  });

  // Who the page is signed in as, for its header (and whether signing in is asked at all), and
  // whether to offer forms that change the store (the server decides again on every change).
  app.get('/api/whoami', async (c) => {
    const me = current.getStore() ?? options.withoutAccounts();
    return c.json({
      name: me.name,
      roles: me.roles,
      signInRequired: options.networked || (await required()),
      mayWrite: mayWrite(me),
      offices: me.offices ?? null,
    });
  });

  app.get('/sign-in', (c) => c.html(page('', signInLanguage(c))));
  if (options.oidc) {
    oidcSignIn(app, {
      store: options.store,
      settings: options.oidc,
      publicUrl: options.publicUrl,
      isHttps,
      setSession,
      page,
    });
  }

  // The token comes in a form body, never in a URL, so it stays out of logs and history.
  // The cookie carries a session id, never the token: signing out deletes the session for good.
  app.post('/sign-in', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      throw new TandemError(
        'unsupported-media-type',
        'sign in with the form (application/x-www-form-urlencoded)',
      );
    }
    const form = new URLSearchParams(await readBodyText(c, SIGN_IN_MAX_BYTES));
    const lang = signInLanguage(c);
    const say = signInMessages(lang);
    const token = (form.get('token') ?? '').trim();
    const name = (form.get('name') ?? '').trim();
    const keys = [
      `address:${clientAddress(c, options.trustProxy ?? false)}`,
      ...(name ? [`account:${name.toLowerCase()}`] : []),
    ];
    const wait = throttle.begin(keys);
    if (wait) {
      c.header('retry-after', String(wait));
      return c.html(page(say.tooMany(Math.ceil(wait / 60)), lang), 429);
    }
    let requester: Awaited<ReturnType<typeof requesterForToken>> = null;
    try {
      requester = token
        ? await requesterForToken(options.store, token)
        : name
          ? await requesterForPassword(options.store, name, form.get('password') ?? '')
          : null;
    } finally {
      if (!requester) await new Promise((r) => setTimeout(r, throttle.failed(keys)));
    }
    if (!requester) return c.html(page(token ? say.badToken : say.badPassword, lang), 401);
    throttle.succeeded(keys, name ? `account:${name.toLowerCase()}` : undefined);
    const session = await startSession(options.store, requester);
    setSession(c, session.id);
    return c.redirect(withLang('/', lang), 303);
  });

  // A form may sign out with POST, as a link does with GET (API probe: POST answered 404).
  app.on(['GET', 'POST'], '/sign-out', async (c) => {
    await endSession(options.store, getCookie(c, SESSION_COOKIE) ?? '');
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    // The provider's own session outlives Tandem's: the next sign-in through it asks for a login.
    setCookie(c, SIGNED_OUT_COOKIE, '1', {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/auth',
      maxAge: 7 * 24 * 3600,
      secure: isHttps(c),
    });
    return c.redirect(withLang('/sign-in', signInLanguage(c)));
  });
}
