/**
 * The page's entry. Opened from a login link (`/login#TOKEN`), it first takes the token out of the
 * address bar, then trades it for the session cookie; opened later, the cookie is already there.
 */
import * as api from './api-client.js';
import { App } from './app.js';

function say(root: HTMLElement, title: string, text: string): void {
  const box = document.createElement('div');
  box.className = 'signed-out';
  const h = document.createElement('h1');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = text;
  box.append(h, p);
  root.replaceChildren(box);
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  if (location.pathname === '/login') {
    const token = location.hash.slice(1);
    history.replaceState(null, '', '/#/board');
    try {
      await api.signIn(token);
    } catch (err) {
      return say(root, 'This link does not sign you in', `${(err as Error).message}`);
    }
  }
  let session: api.SessionInfo;
  try {
    session = await api.session();
  } catch (err) {
    return say(root, 'Not signed in', err instanceof api.ApiError && err.status === 401 ? 'Run `huddle web` in a terminal where the hub runs, and open the link it prints.' : (err as Error).message);
  }
  new App(root, session).start();
}

void main();
