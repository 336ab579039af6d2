// The WebSocket half of the contract: one connection that authenticates with `hello`, resumes
// what it missed, notices a dead link with ping/pong and reconnects by itself with backoff.

const PING_EVERY_MS = 20000;
const PONG_WITHIN_MS = 10000;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 15000;

/** Close codes after which reconnecting cannot help: the token was refused. */
const AUTH_CLOSE_CODES = new Set([4401]);

export class ChatSocket {
  /**
   * token: the JWT for hello. resume(): the {conversationId: newest seq held} map for hello.
   * onFrame(frame): every server frame. onState(state): 'connecting' | 'online' | 'offline'.
   * onAuthFailed(): the server refused the token; no reconnect follows.
   */
  constructor({ token, resume, onFrame, onState, onAuthFailed }) {
    Object.assign(this, { token, resume, onFrame, onState, onAuthFailed });
    this.ws = null;
    this.authenticated = false;
    this.attempt = 0;
    this.stopped = false;
    this.timers = {};
  }

  start() {
    this.stopped = false;
    this.open();
    // A laptop waking up or a network coming back: try at once instead of waiting out the backoff.
    this.onOnline = () => { if (!this.ws) this.reconnectNow(); };
    window.addEventListener('online', this.onOnline);
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    this.clearTimers();
    if (this.ws) this.ws.close(1000, 'signed out');
    this.ws = null;
  }

  get online() {
    return this.authenticated && this.ws && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a frame if the connection is authenticated; false tells the caller it was not sent. */
  send(frame) {
    if (!this.online) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  open() {
    this.clearTimers();
    this.authenticated = false;
    this.onState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/ws`);
    this.ws = ws;
    ws.onopen = () => {
      // The token travels in hello because a browser cannot set an Authorization header here.
      const hello = { type: 'hello', token: this.token };
      const resume = this.resume();
      if (Object.keys(resume).length > 0) hello.resume = resume;
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (event) => this.receive(ws, event.data);
    ws.onclose = (event) => this.closed(ws, event.code);
    // An error is always followed by close, which is where reconnecting is decided.
    ws.onerror = () => {};
  }

  receive(ws, data) {
    if (ws !== this.ws) return;
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.type === 'welcome') {
      this.authenticated = true;
      this.attempt = 0;
      this.schedulePing();
      this.onState('online');
    } else if (frame.type === 'pong') {
      clearTimeout(this.timers.pongDue);
    } else if (frame.type === 'error' && frame.code === 'unauthorized' && !this.authenticated) {
      this.authFailed();
      return;
    }
    this.onFrame(frame);
  }

  closed(ws, code) {
    if (ws !== this.ws) return;
    this.ws = null;
    this.authenticated = false;
    this.clearTimers();
    if (this.stopped) return;
    if (AUTH_CLOSE_CODES.has(code)) {
      this.authFailed();
      return;
    }
    this.onState('offline');
    // Exponential backoff with jitter, so a restarted node is not hit by every client at once.
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.attempt += 1;
    this.timers.reconnect = setTimeout(() => this.open(), delay);
  }

  reconnectNow() {
    if (this.stopped) return;
    clearTimeout(this.timers.reconnect);
    this.open();
  }

  authFailed() {
    this.stop();
    this.onAuthFailed();
  }

  schedulePing() {
    this.timers.ping = setTimeout(() => {
      if (!this.online) return;
      this.ws.send(JSON.stringify({ type: 'ping' }));
      // No pong in time: the link is dead even if the browser has not noticed; drop it and reconnect.
      const ws = this.ws;
      this.timers.pongDue = setTimeout(() => {
        if (ws === this.ws) {
          ws.close(4000, 'no pong');
          this.closed(ws, 4000);
        }
      }, PONG_WITHIN_MS);
      this.schedulePing();
    }, PING_EVERY_MS);
  }

  clearTimers() {
    for (const timer of Object.values(this.timers)) clearTimeout(timer);
    this.timers = {};
  }
}
