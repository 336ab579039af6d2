// The open conversation: history and scroll-back, live messages in seq order, typing of others,
// "seen by" receipts and the read cursor. What the user writes is the Composer's business.
import { $, el } from './dom.js';
import { Composer } from './composer.js';
import { messageRow, pendingRow, receiptLine, seenBy, typingText } from './render.js';
import { ThreadView } from './thread.js';

const TYPING_LAPSE_MS = 6000; // the contract: `active` lapses by itself after 6 s
const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 40;
const PAGE = 50;
const HOLE_RETRIES = 5;
const READ_EVERY_MS = 1000;

export class ChatView {
  /** status(text, kind): shows a notice. onRead(conversationId): a read cursor was sent. */
  constructor({ store, presence, socket, api, status, onRead }) {
    Object.assign(this, { store, presence, socket, api, status, onRead });
    this.me = store.me.userId;
    this.currentId = null;
    this.rows = new Map(); // seq -> row element of the open conversation
    this.typing = new Map(); // conversationId -> Map(userId -> lapse timer)
    this.loadingOlder = false;
    this.lastReadSent = new Map(); // conversationId -> seq
    this.lastReadAt = 0;
    this.readTimer = null;
    this.holeTries = new Map(); // conversationId -> refetches made for a gap
    this.composer = new Composer({ store, socket, status, view: this });
    this.thread = new ThreadView({ store, socket, api, status, rowOf: (m, inThread) => this.row(m, inThread) });

    this.box = $('#messages');
    this.list = $('#message-list');
    this.pending = $('#pending-list');
    this.box.addEventListener('scroll', () => {
      if (this.box.scrollTop < NEAR_TOP_PX) this.loadOlder();
    });
    $('#load-older').addEventListener('click', () => this.loadOlder());
  }

  async open(conversationId) {
    if (conversationId === this.currentId) return;
    this.composer.reset();
    this.thread.close();
    this.currentId = conversationId;
    $('#chat-empty').hidden = true;
    $('#chat').hidden = false;
    this.renderHeader();
    this.renderAll();
    this.renderTyping();
    if (this.store.loaded.has(conversationId)) {
      this.scrollToBottom();
      this.markRead();
    } else {
      await this.loadNewest(conversationId);
    }
  }

  close() {
    this.composer.reset();
    this.thread.close();
    this.currentId = null;
    this.rows.clear();
    $('#chat').hidden = true;
    $('#chat-empty').hidden = false;
  }

  // ---- history ----

  async loadNewest(conversationId) {
    let page;
    try {
      page = await this.api.messages(conversationId, null, PAGE);
    } catch (error) {
      this.status(`Could not load messages: ${error.message}`, 'error');
      return;
    }
    for (const message of page.messages || []) this.store.applyMessage(message);
    this.store.loaded.add(conversationId);
    this.store.hasMore.set(conversationId, Boolean(page.hasMore));
    if (conversationId === this.currentId) {
      this.renderAll();
      this.scrollToBottom();
      this.markRead();
      this.fillViewport();
    }
    this.checkHoles(conversationId);
  }

  async loadOlder() {
    const id = this.currentId;
    if (!id || this.loadingOlder || !this.store.hasMore.get(id)) return;
    this.loadingOlder = true;
    try {
      const page = await this.api.messages(id, this.store.oldestSeq(id), PAGE);
      for (const message of page.messages || []) this.store.applyMessage(message);
      this.store.hasMore.set(id, Boolean(page.hasMore));
      if (id === this.currentId) this.renderKeepingPosition();
    } catch (error) {
      this.status(`Could not load older messages: ${error.message}`, 'error');
    } finally {
      this.loadingOlder = false;
    }
    if (id === this.currentId) this.fillViewport();
  }

  /** A list too short to scroll can never be scrolled to the top: fetch older pages until it can. */
  fillViewport() {
    if (this.box.scrollHeight <= this.box.clientHeight && this.store.hasMore.get(this.currentId)) {
      this.loadOlder();
    }
  }

  /**
   * Live delivery can miss messages sent before this node subscribed to a new conversation, and
   * history (the read model) can lag behind live delivery; either leaves a hole in the seqs held.
   * The read model catches up within moments, so refetch the newest page a few times.
   */
  checkHoles(conversationId) {
    const bySeq = this.store.messages.get(conversationId);
    if (!bySeq || bySeq.size === 0) return;
    const oldest = this.store.oldestSeq(conversationId);
    const newest = this.store.newestSeq(conversationId);
    const inner = newest - oldest + 1 !== bySeq.size;
    const head = this.store.loaded.has(conversationId)
      && this.store.hasMore.get(conversationId) === false && oldest > 1;
    if (!inner && !head) {
      this.holeTries.delete(conversationId);
      return;
    }
    const tries = this.holeTries.get(conversationId) || 0;
    if (tries >= HOLE_RETRIES) return;
    this.holeTries.set(conversationId, tries + 1);
    setTimeout(async () => {
      try {
        const page = await this.api.messages(conversationId, newest + 1, 100);
        const messages = page.messages || [];
        for (const message of messages) this.store.applyMessage(message);
        if (messages.length > 0 && messages[0].seq <= oldest) {
          this.store.hasMore.set(conversationId, Boolean(page.hasMore));
        }
        if (conversationId === this.currentId) this.renderKeepingPosition();
      } catch {
        // The next check retries; a read model that stays down shows on every other call too.
      }
      this.checkHoles(conversationId);
    }, 400 * (tries + 1));
  }

  // ---- live frames ----

  /** A `message` frame (live or resumed). Returns the store's verdict: 'new', 'updated' or 'stale'. */
  receive(message) {
    const id = message.conversationId;
    const before = this.store.newestSeq(id);
    const outcome = this.store.applyMessage(message);
    if (outcome === 'stale') return outcome;
    if (outcome === 'new') this.clearTyping(id, message.senderId);
    if (message.deleted) this.composer.forget(id, message.seq);
    if (id === this.currentId) {
      this.thread.refresh(message);
    }
    if (id === this.currentId && message.replyTo != null) {
      // a reply lives in its thread; the main list shows its parent's count instead
      this.renderPending();
      this.markRead();
    } else if (id === this.currentId) {
      const stick = this.nearBottom() || message.senderId === this.me;
      this.renderHeader(); // the message may have taught us a member's display name
      this.upsertRow(message);
      this.renderPending();
      this.renderReceipts();
      if (stick) this.scrollToBottom();
      this.markRead();
    }
    if (before > 0 && message.seq > before + 1) this.checkHoles(id);
    return outcome;
  }

  /**
   * `synced` after a resume. Truncated means the server replayed only the newest messages: forget
   * what was held before the gap and page back from the replayed ones; with none, start over.
   */
  onSynced({ conversationId, truncated }) {
    if (!truncated) return;
    this.store.dropThrough(conversationId, (this.store.resumeSent || {})[conversationId] || 0);
    const replayed = this.store.messages.get(conversationId)?.size > 0;
    if (!replayed) this.store.dropMessages(conversationId);
    if (conversationId !== this.currentId) return;
    this.renderAll();
    if (replayed) this.scrollToBottom();
    else this.loadNewest(conversationId);
  }

  onReceipt(frame) {
    if (this.store.applyReceipt(frame) && frame.conversationId === this.currentId) this.renderReceipts();
  }

  onTyping({ conversationId, userId, active }) {
    if (userId === this.me) return;
    if (!active) {
      this.clearTyping(conversationId, userId);
      return;
    }
    let users = this.typing.get(conversationId);
    if (!users) {
      users = new Map();
      this.typing.set(conversationId, users);
    }
    clearTimeout(users.get(userId));
    // The server lapses it too; this timer covers a lapse frame lost with a dropped socket.
    users.set(userId, setTimeout(() => this.clearTyping(conversationId, userId), TYPING_LAPSE_MS));
    if (conversationId === this.currentId) this.renderTyping();
  }

  clearTyping(conversationId, userId) {
    const users = this.typing.get(conversationId);
    if (!users || !users.has(userId)) return;
    clearTimeout(users.get(userId));
    users.delete(userId);
    if (conversationId === this.currentId) this.renderTyping();
  }

  onAck(frame) {
    this.composer.onAck(frame);
  }

  onError(frame) {
    return this.composer.onError(frame);
  }

  resendOutbox() {
    this.composer.resendOutbox();
  }

  // ---- read cursor ----

  /**
   * Sends `read` for the newest seq held, when the open conversation is actually visible. At most
   * one per READ_EVERY_MS (the last one trailing): a busy group must not spend the user's rate limit.
   */
  markRead() {
    const id = this.currentId;
    if (!id || document.visibilityState !== 'visible') return;
    const newest = this.store.newestSeq(id);
    if (newest === 0 || (this.lastReadSent.get(id) || 0) >= newest) return;
    const wait = this.lastReadAt + READ_EVERY_MS - Date.now();
    if (wait > 0) {
      if (!this.readTimer) {
        this.readTimer = setTimeout(() => {
          this.readTimer = null;
          this.markRead();
        }, wait);
      }
      return;
    }
    if (this.socket.send({ type: 'read', conversationId: id, seq: newest })) {
      this.lastReadSent.set(id, newest);
      this.lastReadAt = Date.now();
      this.onRead(id);
    }
  }

  // ---- rendering ----

  renderHeader() {
    const conversation = this.store.conversations.get(this.currentId);
    if (!conversation) return;
    $('#chat-title').textContent = this.store.label(conversation);
    $('#leave-btn').hidden = Boolean(conversation.direct); // a direct conversation cannot be left
    $('#chat-members').replaceChildren(...(conversation.members || []).map((m) => el('span',
      { class: 'member', 'data-user': m }, this.presence.dot(m), this.store.name(m))));
  }

  /** A `reaction` frame: the row shows the new chips wherever it is (main list or thread). */
  onReaction(frame) {
    const updated = this.store.applyReaction(frame);
    if (!updated || frame.conversationId !== this.currentId) return;
    if (this.rows.has(updated.seq)) this.upsertRow(updated);
    this.thread.refresh(updated);
  }

  row(message, inThread = false) {
    return messageRow(message, {
      me: this.me,
      name: (u) => this.store.name(u),
      onEdit: (m) => this.composer.startEdit(m),
      onDelete: (m) => this.composer.remove(m),
      onReact: (m, emoji, active) => this.composer.react(m, emoji, active),
      onThread: inThread ? null : (m) => this.thread.show(m),
    });
  }

  renderAll() {
    this.rows.clear();
    const rows = this.store.sorted(this.currentId).filter((m) => m.replyTo == null).map((m) => {
      const row = this.row(m);
      this.rows.set(m.seq, row);
      return row;
    });
    this.list.replaceChildren(...rows);
    $('#load-older').hidden = !this.store.hasMore.get(this.currentId);
    this.renderPending();
    this.renderReceipts();
  }

  renderKeepingPosition() {
    const fromBottom = this.box.scrollHeight - this.box.scrollTop;
    this.renderAll();
    this.box.scrollTop = this.box.scrollHeight - fromBottom;
  }

  upsertRow(message) {
    const row = this.row(message);
    const held = this.rows.get(message.seq);
    if (held) {
      held.replaceWith(row);
    } else {
      let node = this.list.lastElementChild;
      while (node && Number(node.dataset.seq) > message.seq) node = node.previousElementSibling;
      if (node) node.after(row);
      else this.list.prepend(row);
    }
    this.rows.set(message.seq, row);
  }

  renderPending() {
    const entries = [...this.store.outbox.values()]
      .filter((e) => e.conversationId === this.currentId && !e.replyTo);
    this.pending.replaceChildren(...entries.map((entry) => pendingRow(entry, {
      senderName: this.store.name(this.me),
      onRetry: (e) => this.composer.retry(e),
      onDiscard: (e) => this.composer.discard(e),
    })));
  }

  renderReceipts() {
    for (const old of this.list.querySelectorAll('.receipt')) old.remove();
    const cursors = this.store.receipts.get(this.currentId);
    if (!cursors) return;
    const held = this.store.sorted(this.currentId).filter((m) => this.rows.has(m.seq));
    for (const [seq, users] of seenBy(cursors, held, this.me)) {
      this.rows.get(seq).append(receiptLine(users, (u) => this.store.name(u)));
    }
  }

  renderTyping() {
    const users = [...(this.typing.get(this.currentId)?.keys() || [])].sort();
    const box = $('#typing');
    box.dataset.users = users.join(' ');
    box.textContent = typingText(users.map((u) => this.store.name(u)));
  }

  nearBottom() {
    return this.box.scrollHeight - this.box.scrollTop - this.box.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToBottom() {
    this.box.scrollTop = this.box.scrollHeight;
  }
}
