import type { Context } from 'hono';
import type { Language } from '../domain/language.ts';

/** The words of the sign-in page, in each language of the workbench. */
const WORDS: Record<
  Language,
  {
    title: string;
    intro: string;
    withProvider: (label: string) => string;
    orPassword: string;
    name: string;
    password: string;
    signIn: string;
    withToken: string;
    token: string;
    signInToken: string;
    tooMany: (minutes: number) => string;
    badToken: string;
    badPassword: string;
  }
> = {
  en: {
    title: 'Sign in',
    intro:
      'This workbench holds records that need an account. Sign in with your name and password, or open\nthe sign-in link you were given (…/sign-in#token=…). An administrator creates accounts with\n<code>tandem users add NAME --roles ROLES</code>.',
    withProvider: (label) => `Sign in with ${label}`,
    orPassword: 'Or with your name and password:',
    name: 'Name',
    password: 'Password',
    signIn: 'Sign in',
    withToken: 'Sign in with a token instead',
    token: 'Token',
    signInToken: 'Sign in with the token',
    tooMany: (minutes) => `Too many failed sign-ins: try again in ${minutes} minutes.`,
    badToken: 'That token matches no account.',
    badPassword: 'That name and password do not match an account.',
  },
  fr: {
    title: 'Connexion',
    intro:
      'Cet outil de travail contient des dossiers qui demandent un compte. Connectez-vous avec votre nom et votre mot de passe, ou ouvrez\nle lien de connexion qui vous a été remis (…/sign-in#token=…). Un administrateur crée les comptes avec\n<code>tandem users add NOM --roles RÔLES</code>.',
    withProvider: (label) => `Se connecter avec ${label}`,
    orPassword: 'Ou avec votre nom et votre mot de passe\u00a0:',
    name: 'Nom',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    withToken: 'Se connecter plutôt avec un jeton',
    token: 'Jeton',
    signInToken: 'Se connecter avec le jeton',
    tooMany: (minutes) => `Trop de connexions échouées\u00a0: réessayez dans ${minutes}\u00a0minutes.`,
    badToken: 'Ce jeton ne correspond à aucun compte.',
    badPassword: 'Ce nom et ce mot de passe ne correspondent à aucun compte.',
  },
};

/**
 * The language of a sign-in request: `?lang=` as the workbench's pages take it, else the
 * browser's first language when it is one of the workbench's, else English.
 */
export function signInLanguage(c: Context): Language {
  const asked = c.req.query('lang');
  if (asked === 'fr' || asked === 'en') return asked;
  const first = (c.req.header('accept-language') ?? '').split(',')[0]!.trim().toLowerCase();
  return first.startsWith('fr') ? 'fr' : 'en';
}

/** The sign-in page's messages, in `lang`. */
export function signInMessages(
  lang: Language,
): Pick<(typeof WORDS)['en'], 'tooMany' | 'badToken' | 'badPassword'> {
  return WORDS[lang];
}

/**
 * The sign-in page, with a message (HTML) and, when configured, the identity provider's button,
 * in `lang`; the forms keep `?lang=fr` so that the workbench opens in the language asked. Its
 * script is the same in every language (the content security policy allows it by its hash).
 */
export function signInPage(message: string, oidcLabel?: string, lang: Language = 'en'): string {
  const w = WORDS[lang];
  const action = lang === 'en' ? '/sign-in' : `/sign-in?lang=${lang}`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${w.title} · Tandem</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d2733}
label{display:block;font-weight:600;margin:1rem 0 .25rem}input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1.25rem;font:inherit}.error{color:#a1261a}
details{margin-top:2rem}summary{cursor:pointer}
a.button{display:inline-block;padding:.5rem 1.25rem;border:1px solid #1d2733;border-radius:4px;color:inherit;text-decoration:none;font-weight:600}
</style></head><body>
<h1>Tandem</h1>
<p>${w.intro}</p>
${message ? `<p class="error" role="alert">${message}</p>` : ''}
${oidcLabel ? `<p><a class="button" id="oidc-sign-in" href="/auth/sign-in">${w.withProvider(oidcLabel.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`))}</a></p>\n<p>${w.orPassword}</p>` : ''}
<form method="post" action="${action}" id="password-form">
<label for="name">${w.name}</label>
<input id="name" name="name" autocomplete="username" required autofocus>
<label for="password">${w.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${w.signIn}</button>
</form>
<details><summary>${w.withToken}</summary>
<form method="post" action="${action}" id="token-form">
<label for="token">${w.token}</label>
<input id="token" name="token" type="password" autocomplete="off" required>
<button type="submit">${w.signInToken}</button>
</form></details>
<script>
// A sign-in link carries the token after '#', which browsers never send: submit it, then forget it.
function fromLink() {
  const m = /token=([^&]+)/.exec(location.hash);
  if (!m) return;
  history.replaceState(null, '', location.pathname + location.search);
  document.getElementById('token').value = decodeURIComponent(m[1]);
  document.getElementById('token-form').submit();
}
// Sent here from a page of the workbench (/#/plan → /sign-in#/plan): the forms carry that page in
// their address, and the redirect after signing in keeps it, so the person lands where they aimed.
function keepPage() {
  if (!location.hash.startsWith('#/')) return;
  for (const f of document.forms) f.action = f.getAttribute('action').split('#')[0] + location.hash;
}
keepPage();
fromLink();
addEventListener('hashchange', () => { keepPage(); fromLink(); });
</script>
</body></html>`;
}
