// What the user writes: sends through the outbox (retried with the same clientMsgId until the
// message comes back), the typing signal, and edit and delete of the user's own messages.
import { $ } from './dom.js';

const TYPING_REFRESH_MS = 4000; // re-send `active: true` before the server's 6 s lapse while typing
const SEND_RETRIES = 5;
const RETRYABLE = new Set(['unavailable', 'rate_limited']);

/** crypto.randomUUID exists only in secure contexts; a plain-http deployment still needs ids. */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class Composer {
  /** view: the ChatView, for currentId(), renderPending() and scrollToBottom(). */
  constructor({ store, socket, status, view }) {
    Object.assign(this, { store, socket, status, view });
    this.input = $('#composer');
    this.typingSent = null; // {conversationId, at} while this user's `active: true` stands
    this.editing = null; // {conversationId, seq}

    $('#composer-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter starts a new line, Escape leaves edit mode.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      } else if (event.key === 'Escape' && this.editing) {
        this.cancelEdit();
      }
    });
    this.input.addEventListener('input', () => this.typingInput());
    this.input.addEventListener('blur', () => this.stopTyping());
    $('#edit-cancel').addEventListener('click', () => this.cancelEdit());
  }

  /** Leaving a conversation: no typing left standing, no edit carried over. */
  reset() {
    this.stopTyping();
    this.cancelEdit();
  }

  submit() {
    const text = this.input.value.trim();
    const conversationId = this.view.currentId;
    if (!text || !conversationId) return;
    if (this.editing) {
      this.saveEdit(text);
      return;
    }
    const entry = { clientMsgId: uuid(), conversationId, text, state: 'sending', tries: 0 };
    this.store.outbox.set(entry.clientMsgId, entry);
    this.transmit(entry);
    this.input.value = '';
    this.stopTyping();
    this.view.scrollToBottom();
  }

  transmit(entry) {
    const frame = {
      type: 'send', conversationId: entry.conversationId, clientMsgId: entry.clientMsgId, text: entry.text,
    };
    if (entry.replyTo) frame.replyTo = entry.replyTo; // a thread reply (thread.js) resent after a reconnect
    const sent = this.socket.send(frame);
    // Not sent while offline: the entry waits for the next welcome.
    entry.state = sent ? 'sending' : 'queued';
    this.view.renderPending();
  }

  retry(entry) {
    entry.tries = 0;
    this.transmit(entry);
  }

  discard(entry) {
    this.store.outbox.delete(entry.clientMsgId);
    this.view.renderPending();
  }

  /** After (re)connecting: every send not yet seen as a message goes again, with its clientMsgId. */
  resendOutbox() {
    for (const entry of this.store.outbox.values()) {
      if (entry.state !== 'failed') this.transmit(entry);
    }
  }

  onAck({ clientMsgId }) {
    const entry = clientMsgId && this.store.outbox.get(clientMsgId);
    if (!entry) return;
    entry.state = 'sent';
    this.view.renderPending();
  }

  /** An `error` about one of our sends; false when it is not, for the caller to show. */
  onError(frame) {
    const entry = frame.clientMsgId && this.store.outbox.get(frame.clientMsgId);
    if (!entry) return false;
    entry.tries += 1;
    if (RETRYABLE.has(frame.code) && entry.tries <= SEND_RETRIES) {
      // Same clientMsgId on retry: the server never makes a second message from it.
      entry.state = 'retrying';
      setTimeout(() => {
        if (this.store.outbox.get(entry.clientMsgId) === entry && entry.state === 'retrying') this.transmit(entry);
      }, 1000 * entry.tries);
    } else {
      entry.state = 'failed';
      entry.error = frame.message || frame.code;
    }
    this.view.renderPending();
    return true;
  }

  typingInput() {
    const conversationId = this.view.currentId;
    if (!conversationId || this.editing) return;
    if (this.input.value.trim() === '') {
      this.stopTyping();
      return;
    }
    const now = Date.now();
    const standing = this.typingSent && this.typingSent.conversationId === conversationId
      && now - this.typingSent.at < TYPING_REFRESH_MS;
    if (standing) return;
    if (this.socket.send({ type: 'typing', conversationId, active: true })) {
      this.typingSent = { conversationId, at: now };
    }
  }

  stopTyping() {
    if (!this.typingSent) return;
    this.socket.send({ type: 'typing', conversationId: this.typingSent.conversationId, active: false });
    this.typingSent = null;
  }

  startEdit(message) {
    this.stopTyping();
    this.editing = { conversationId: message.conversationId, seq: message.seq };
    this.input.value = message.text;
    $('#editing').hidden = false;
    $('#send-btn').textContent = 'Save';
    this.input.focus();
  }

  cancelEdit() {
    if (!this.editing) return;
    this.editing = null;
    this.input.value = '';
    $('#editing').hidden = true;
    $('#send-btn').textContent = 'Send';
  }

  /** A message deleted meanwhile (here or elsewhere) can no longer be edited. */
  forget(conversationId, seq) {
    if (this.editing && this.editing.conversationId === conversationId && this.editing.seq === seq) {
      this.cancelEdit();
    }
  }

  saveEdit(text) {
    const { conversationId, seq } = this.editing;
    const held = this.store.messages.get(conversationId)?.get(seq);
    if (held && held.text === text) {
      this.cancelEdit();
      return;
    }
    if (!this.socket.send({ type: 'edit', id: `edit-${uuid()}`, conversationId, seq, text })) {
      this.status('Offline: the edit was not sent; try again once reconnected.', 'error');
      return;
    }
    this.cancelEdit();
  }

  /** Adds (active) or takes back the user's reaction; the `reaction` frame updates every page. */
  react(message, emoji, active) {
    const frame = {
      type: 'react', id: `react-${uuid()}`, conversationId: message.conversationId, seq: message.seq, emoji, active,
    };
    if (!this.socket.send(frame)) this.status('Offline: the reaction was not sent.', 'error');
  }

  remove(message) {
    const frame = {
      type: 'delete', id: `delete-${uuid()}`, conversationId: message.conversationId, seq: message.seq,
    };
    if (!this.socket.send(frame)) this.status('Offline: the message was not deleted.', 'error');
  }
}
