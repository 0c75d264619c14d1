// The demo pages on the sync service (what `npm start` serves behind `/api/erp`): its users, the
// development sign-in, and the widget configured with the signed-in user's token. `?backend=simulator`,
// or no service answering, leaves the page on the in-browser simulator.
import { configure } from '../src/index.js';

export interface DemoUser {
  id: string;
  name: string;
  admin: boolean;
}

export interface ServiceSession {
  users: DemoUser[];
  /** The signed-in user's id. */
  current(): string;
  token(): string;
  /** Signs in as another demo user (the tab and the admin screen then act as them). */
  signIn(userId: string): Promise<void>;
}

export async function connectToService(defaultUser = 'u-anna'): Promise<ServiceSession | null> {
  if (new URLSearchParams(location.search).get('backend') === 'simulator') return null;
  const users = await fetch('/dev/users')
    .then((r) => (r.ok && r.headers.get('content-type')?.includes('json') ? (r.json() as Promise<DemoUser[]>) : null))
    .catch(() => null);
  if (!users) return null;
  let token = '';
  const session: ServiceSession = {
    users,
    current: () => sessionStorage.getItem('erp-demo-user') ?? defaultUser,
    token: () => token,
    async signIn(userId) {
      const res = await fetch('/dev/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
      token = ((await res.json()) as { token: string }).token;
      sessionStorage.setItem('erp-demo-user', userId);
    },
  };
  await session.signIn(session.current());
  configure({ baseUrl: '/api/erp', headers: () => ({ Authorization: `Bearer ${token}` }) });
  return session;
}
