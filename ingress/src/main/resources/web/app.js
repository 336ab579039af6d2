// Entry point: sign-in, then wiring the HTTP API, the socket and the views together. Each server
// frame is dispatched here to the part of the page it concerns.
import { api as boundApi, clearSession, devToken, loadSession, saveSession, ApiError } from './api.js';
import { $ } from './dom.js';
import { ChatSocket } from './socket.js';
import { Store } from './store.js';
import { Presence } from './presence.js';
import { Sidebar } from './conversations.js';
import { ChatView } from './chat.js';
import { SearchBox } from './search.js';

const USER_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const STATUS_MS = 6000;
const NOTICE_KEY = 'switchboard.notice'; // why the last session ended, shown once on the sign-in form

let statusTimer = null;
function status(text, kind = 'info') {
  const box = $('#status');
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = false;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { box.hidden = true; }, STATUS_MS);
}

function showLogin(message = '') {
  $('#app-view').hidden = true;
  $('#login-view').hidden = false;
  $('#login-error').textContent = message;
  $('#login-user').focus();
}

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const userId = $('#login-user').value.trim();
  const displayName = $('#login-name').value.trim() || userId;
  if (!USER_ID.test(userId)) {
    $('#login-error').textContent = 'A user id is 1 to 64 of A-Z a-z 0-9 _ . -';
    return;
  }
  const button = $('#login-btn');
  button.disabled = true;
  try {
    const token = await devToken(userId, displayName);
    const session = { token, userId, displayName };
    saveSession(session);
    startApp(session);
  } catch (error) {
    $('#login-error').textContent = error instanceof ApiError && error.status === 404
      ? 'Signing in by user id is only available in dev mode.'
      : `Could not sign in: ${error.message}`;
  } finally {
    button.disabled = false;
  }
});

const hashId = () => {
  const match = /^#\/c\/(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
};

function startApp(session) {
  $('#login-view').hidden = true;
  $('#app-view').hidden = false;
  $('#me').textContent = session.displayName || session.userId;
  $('#me').dataset.user = session.userId;

  const store = new Store(session);
  const presence = new Presence();
  let stopped = false;
  // Signing out reloads the page: nothing of this session (listeners, timers, socket) survives it.
  const signOut = (message) => {
    if (stopped) return;
    stopped = true;
    socket.stop();
    clearSession();
    if (message) sessionStorage.setItem(NOTICE_KEY, message);
    location.replace(location.pathname);
  };
  const http = boundApi(session.token, () => signOut('Your session has expired: sign in again.'));

  // The server leaves out users it does not yet see sharing a conversation: a `conversation` frame
  // comes live, ahead of the read model, so those are asked again a few times.
  const loadPresence = async (userIds, retries = 4) => {
    try {
      const answered = new Set();
      for (const p of await http.presence(userIds)) {
        presence.apply(p);
        answered.add(p.userId);
      }
      const missing = userIds.filter((u) => !answered.has(u));
      if (missing.length > 0 && retries > 0) setTimeout(() => loadPresence(missing, retries - 1), 500);
    } catch {
      // Presence is decoration: live `presence` frames still arrive, so a failed fetch is not shown.
    }
  };

  const sidebar = new Sidebar({
    store,
    presence,
    onOpen: (id) => { location.hash = `#/c/${encodeURIComponent(id)}`; },
    onCreate: async (members, title) => {
      const { conversationId } = await http.createConversation(members, title);
      store.upsertConversation({
        conversationId, title: title || null, members: [session.userId, ...members],
        direct: members.length === 1 && !title,
      });
      sidebar.touch(conversationId);
      sidebar.render();
      loadPresence(members);
      location.hash = `#/c/${encodeURIComponent(conversationId)}`;
    },
  });

  const loadNames = async (userIds) => {
    try {
      for (const u of await http.users(userIds)) store.names.set(u.userId, u.displayName);
      sidebar.render();
      chat.renderHeader();
    } catch {
      // Names are decoration too: userIds stand in for them, and messages carry senderName.
    }
  };

  const refreshConversations = async () => {
    try {
      sidebar.setAll(await http.conversations());
      const contacts = store.contacts();
      if (contacts.length > 0) loadNames(contacts);
      await loadPresence(contacts);
      route();
    } catch (error) {
      if (!stopped) status(`Could not load conversations: ${error.message}`, 'error');
    }
  };

  let welcomed = false;
  const onFrame = (frame) => {
    switch (frame.type) {
      case 'welcome':
        // A reconnect may have missed new conversations and unread counts: fetch the list again.
        if (welcomed) refreshConversations();
        welcomed = true;
        chat.resendOutbox();
        chat.markRead();
        break;
      case 'message': {
        const outcome = chat.receive(frame);
        if (outcome !== 'new') break;
        const conversation = store.conversations.get(frame.conversationId);
        if (!conversation) {
          refreshConversations();
          break;
        }
        const seen = frame.conversationId === chat.currentId && document.visibilityState === 'visible';
        if (frame.senderId !== session.userId && !seen) conversation.unread = (conversation.unread || 0) + 1;
        sidebar.touch(frame.conversationId);
        sidebar.render();
        break;
      }
      case 'ack': chat.onAck(frame); break;
      case 'synced': chat.onSynced(frame); break;
      case 'receipt': chat.onReceipt(frame); break;
      case 'typing': chat.onTyping(frame); break;
      case 'presence': presence.apply(frame); break;
      case 'reaction': chat.onReaction(frame); break;
      case 'mention': {
        const conversation = store.conversations.get(frame.conversationId);
        const seen = frame.conversationId === chat.currentId && document.visibilityState === 'visible';
        if (conversation && !seen) {
          conversation.mentions = (conversation.mentions || 0) + 1;
          sidebar.render();
          status(`${store.name(frame.senderId)} mentioned you in ${store.label(conversation)}`);
        }
        break;
      }
      case 'conversation': {
        const { type, ...view } = frame;
        store.upsertConversation(view);
        if (frame.conversationId === chat.currentId) chat.renderHeader(); // someone joined or left
        sidebar.touch(frame.conversationId);
        sidebar.render();
        loadPresence((frame.members || []).filter((m) => m !== session.userId));
        break;
      }
      case 'error':
        if (!chat.onError(frame)) status(`${frame.code}: ${frame.message || ''}`, 'error');
        break;
      default:
        break; // pong and frames of later contract versions need nothing here
    }
  };

  const socket = new ChatSocket({
    token: session.token,
    resume: () => store.resumeMap(),
    onFrame,
    onState: (state) => {
      const conn = $('#conn');
      conn.dataset.state = state;
      conn.textContent = { connecting: 'connecting…', online: 'online', offline: 'reconnecting…' }[state];
      // The server reports others' presence only; this user's own dot follows this socket.
      presence.apply({ userId: session.userId, status: state === 'online' ? 'online' : 'offline', lastSeen: null });
    },
    onAuthFailed: () => signOut('The server refused the session: sign in again.'),
  });

  const chat = new ChatView({
    store,
    presence,
    socket,
    api: http,
    status,
    onRead: (id) => {
      const conversation = store.conversations.get(id);
      if (conversation && (conversation.unread || conversation.mentions)) {
        conversation.unread = 0;
        conversation.mentions = 0;
        sidebar.render();
      }
    },
  });

  new SearchBox({
    store,
    api: http,
    status,
    onOpen: (id) => { location.hash = `#/c/${encodeURIComponent(id)}`; },
  });

  $('#leave-btn').addEventListener('click', async () => {
    const id = chat.currentId;
    if (!id) return;
    try {
      await http.leave(id, session.userId);
    } catch (error) {
      status(`Could not leave: ${error.message}`, 'error');
      return;
    }
    store.forgetConversation(id);
    sidebar.render();
    location.hash = '';
    chat.close();
    status('You left the conversation');
  });

  function route() {
    const id = hashId();
    if (id && store.conversations.has(id)) {
      sidebar.select(id);
      chat.open(id);
    } else if (!id) {
      sidebar.select(null);
      chat.close();
    }
  }
  function onVisible() {
    if (document.visibilityState === 'visible') chat.markRead();
  }

  window.addEventListener('hashchange', route);
  document.addEventListener('visibilitychange', onVisible);
  $('#logout-btn').addEventListener('click', () => signOut(''));
  refreshConversations();
  socket.start();
}

const session = loadSession();
if (session) {
  startApp(session);
} else {
  showLogin(sessionStorage.getItem(NOTICE_KEY) || '');
  sessionStorage.removeItem(NOTICE_KEY);
}
