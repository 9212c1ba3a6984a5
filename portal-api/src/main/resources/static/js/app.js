// Entry point: header, router, live event stream, live panel.
import { get, onSessionExpired } from './api.js';
import * as events from './events.js';
import { createLivePanel } from './live-panel.js';
import { createRouter } from './router.js';
import * as session from './session.js';
import { el } from './ui.js';
import { attendanceView } from './views/attendance.js';
import { courseView } from './views/course.js';
import { coursesView } from './views/courses.js';
import { homeView } from './views/home.js';
import { inviteView } from './views/invite.js';
import { joinView } from './views/join.js';
import { loginView } from './views/login.js';
import { myClassesView } from './views/my-classes.js';
import { newRoomView } from './views/room-new.js';
import { roomView } from './views/room.js';
import { roomsView } from './views/rooms.js';

const $ = (id) => document.getElementById(id);
const panel = createLivePanel($('live-events'), $('live-status'));
events.onStatus(panel.setStatus);
events.subscribe(panel.add);

function showSignedIn(user) {
  $('user-name').textContent = user?.displayName ?? user?.username ?? '';
  $('user-tenant').textContent = user?.tenant ?? '';
  $('user-role').textContent = (user?.roles ?? []).join(', ');
  // a guest (admitted to one room through the BigBlueButton API) sees that room only: no navigation, no live feed
  const guest = !!user?.guestRoomId;
  $('user-box').hidden = false;
  for (const id of ['main-nav', 'live-panel']) $(id).hidden = guest;
  document.body.classList.add('signed-in');
  if (!guest) events.start();
}

function showSignedOut() {
  events.stop();
  panel.clear();
  for (const id of ['user-box', 'main-nav', 'live-panel']) $(id).hidden = true;
  document.body.classList.remove('signed-in');
}

function notFound(root) {
  document.title = 'Not found · MetroHub';
  root.append(el('h1', { tabindex: '-1' }, 'Page not found'),
    el('p', {}, 'There is no such page. ', el('a', { href: '#/home' }, 'Go to the home page'), '.'));
}

const router = createRouter($('main'), [
  { path: '/login', view: loginView },
  { path: '/home', view: homeView },
  { path: '/rooms', view: roomsView },
  { path: '/rooms/new', view: newRoomView },
  { path: '/rooms/:id', view: roomView },
  { path: '/join/:ticket', view: joinView },
  { path: '/courses', view: coursesView },
  { path: '/courses/:id', view: courseView },
  { path: '/classes', view: myClassesView },
  { path: '/classes/:id/attendance', view: attendanceView },
  { path: '/invites/:token', view: inviteView },
], {
  notFound,
  guard(path, query) {
    if (path.startsWith('/join/')) return null; // a guest ticket: works signed in or not
    const signedIn = session.isSignedIn();
    const guestRoom = signedIn ? session.currentUser()?.guestRoomId : null;
    if (guestRoom && path !== `/rooms/${guestRoom}`) return `/rooms/${guestRoom}`;
    if (path === '/') return signedIn ? '/home' : '/login';
    if (!signedIn && path !== '/login') {
      const search = query.toString();
      return `/login?next=${encodeURIComponent(search ? `${path}?${search}` : path)}`;
    }
    if (signedIn && path === '/login') return '/home';
    return null;
  },
  context: () => ({
    user: session.currentUser() ?? { roles: [] },
    onSignedIn: () => showSignedIn(session.currentUser()),
  }),
});

onSessionExpired(() => {
  showSignedOut();
  router.navigate('/login?expired=1');
});

$('logout').addEventListener('click', () => {
  session.clear();
  showSignedOut();
  router.navigate('/login');
});

async function boot() {
  if (session.isSignedIn()) {
    try {
      const me = await get('/api/me');
      session.setUser({ ...me, guestRoomId: session.currentUser()?.guestRoomId });
    } catch {
      // offline or expired: the stored profile (or the login page) will do
    }
    if (session.isSignedIn()) showSignedIn(session.currentUser());
  }
  router.start();
}

boot();
