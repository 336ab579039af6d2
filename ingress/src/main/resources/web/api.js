// The HTTP half of the contract, and the signed-in session. The session lives in sessionStorage:
// a reload keeps the user signed in, a new tab or a closed browser starts over.

const SESSION_KEY = 'switchboard.session';
const PRESENCE_BATCH = 200;

export function loadSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
    return session && session.token && session.userId ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** An HTTP answer that was not 2xx; code is the contract's error code when the body had one. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, { token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const raw = await response.text();
  let data = null;
  if (raw) {
    try {
      data = JSON.parse(raw);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && data.code, data && data.message);
  }
  return data;
}

export async function devToken(userId, displayName) {
  const data = await call('POST', '/api/dev/token', { body: { userId, displayName } });
  return data.token;
}

/** An API bound to one token; onUnauthorized runs when the server refuses it (expired, bad). */
export function api(token, onUnauthorized) {
  const authed = async (method, path, body) => {
    try {
      return await call(method, path, { token, body });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized();
      throw error;
    }
  };
  return {
    async conversations() {
      const data = await authed('GET', '/api/conversations');
      return Array.isArray(data) ? data : [];
    },
    createConversation(members, title) {
      const body = title ? { members, title } : { members };
      return authed('POST', '/api/conversations', body);
    },
    messages(conversationId, beforeSeq, limit = 50) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (beforeSeq) query.set('beforeSeq', String(beforeSeq));
      return authed('GET', `/api/conversations/${encodeURIComponent(conversationId)}/messages?${query}`);
    },
    /** The replies to one message, oldest first, after afterSeq. */
    replies(conversationId, parentSeq, afterSeq = 0, limit = 50) {
      const query = new URLSearchParams({ replyTo: String(parentSeq), afterSeq: String(afterSeq), limit: String(limit) });
      return authed('GET', `/api/conversations/${encodeURIComponent(conversationId)}/messages?${query}`);
    },
    search(q, limit = 20) {
      const query = new URLSearchParams({ q, limit: String(limit) });
      return authed('GET', `/api/search?${query}`);
    },
    leave(conversationId, userId) {
      return authed('DELETE', `/api/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(userId)}`);
    },
    /** Display names of people sharing a conversation, in batches as presence. */
    async users(userIds) {
      const all = [];
      for (let i = 0; i < userIds.length; i += PRESENCE_BATCH) {
        const query = userIds.slice(i, i + PRESENCE_BATCH).map(encodeURIComponent).join(',');
        const data = await authed('GET', `/api/users?ids=${query}`);
        if (Array.isArray(data)) all.push(...data);
      }
      return all;
    },
    /** The server answers at most PRESENCE_BATCH users per call, so larger lists go in batches. */
    async presence(userIds) {
      const all = [];
      for (let i = 0; i < userIds.length; i += PRESENCE_BATCH) {
        // Commas stay literal: the server splits on them, and an id never contains one.
        const query = userIds.slice(i, i + PRESENCE_BATCH).map(encodeURIComponent).join(',');
        const data = await authed('GET', `/api/presence?userIds=${query}`);
        if (Array.isArray(data)) all.push(...data);
      }
      return all;
    },
  };
}
