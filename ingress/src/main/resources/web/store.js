// What the page holds: conversations, their messages (newest version of each seq), read cursors
// of the other members, display names, and the outbox of sends not yet seen as messages.

export class Store {
  constructor(me) {
    this.me = me;
    this.conversations = new Map(); // conversationId -> {conversationId,title,members,lastSeq,unread,direct}
    this.messages = new Map(); // conversationId -> Map(seq -> message)
    this.hasMore = new Map(); // conversationId -> older history exists on the server
    this.loaded = new Set(); // conversations whose newest history page has been fetched
    this.receipts = new Map(); // conversationId -> Map(userId -> seq)
    this.names = new Map([[me.userId, me.displayName || me.userId]]);
    this.outbox = new Map(); // clientMsgId -> {clientMsgId, conversationId, text, state, error}
  }

  upsertConversation(view) {
    const known = this.conversations.get(view.conversationId) || { lastSeq: 0, unread: 0 };
    const merged = { ...known, ...view };
    // A list fetched while live messages arrived must not move lastSeq back.
    merged.lastSeq = Math.max(known.lastSeq || 0, view.lastSeq || 0);
    merged.members = view.members || known.members || [];
    this.conversations.set(view.conversationId, merged);
    return merged;
  }

  /** Others in the conversation, or the members themselves for a conversation with oneself. */
  others(conversation) {
    const others = (conversation.members || []).filter((m) => m !== this.me.userId);
    return others.length > 0 ? others : [this.me.userId];
  }

  name(userId) {
    return this.names.get(userId) || userId;
  }

  label(conversation) {
    if (conversation.title) return conversation.title;
    return this.others(conversation).map((m) => this.name(m)).join(', ');
  }

  /** Every user sharing a conversation with me: whose presence the page shows. */
  contacts() {
    const ids = new Set();
    for (const c of this.conversations.values()) for (const m of c.members || []) ids.add(m);
    ids.delete(this.me.userId);
    return [...ids].sort();
  }

  /**
   * Keeps the newest version of each (conversationId, seq); live delivery is at-least-once, so the
   * same or an older version arriving again is 'stale' and changes nothing.
   */
  applyMessage(message) {
    let bySeq = this.messages.get(message.conversationId);
    if (!bySeq) {
      bySeq = new Map();
      this.messages.set(message.conversationId, bySeq);
    }
    const held = bySeq.get(message.seq);
    if (held && held.version >= message.version) return 'stale';
    bySeq.set(message.seq, message);
    if (message.senderName) this.names.set(message.senderId, message.senderName);
    if (message.senderId === this.me.userId) this.outbox.delete(message.clientMsgId);
    const conversation = this.conversations.get(message.conversationId);
    if (conversation && message.seq > (conversation.lastSeq || 0)) conversation.lastSeq = message.seq;
    return held ? 'updated' : 'new';
  }

  /**
   * A live `reaction` frame: the held message's reactions change in place (the server's next version
   * of it, from history or resume, replaces them anyway). Returns the message, or null if not held.
   */
  applyReaction({ conversationId, seq, userId, emoji, active }) {
    const held = this.messages.get(conversationId)?.get(seq);
    if (!held) return null;
    const reactions = { ...(held.reactions || {}) };
    const users = (reactions[emoji] || []).filter((u) => u !== userId);
    if (active) users.push(userId);
    if (users.length > 0) reactions[emoji] = users;
    else delete reactions[emoji];
    const updated = { ...held, reactions };
    this.messages.get(conversationId).set(seq, updated);
    return updated;
  }

  /** Leaving: the conversation and all it held go from the page. */
  forgetConversation(conversationId) {
    this.conversations.delete(conversationId);
    this.dropMessages(conversationId);
    this.receipts.delete(conversationId);
  }

  sorted(conversationId) {
    const bySeq = this.messages.get(conversationId);
    return bySeq ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : [];
  }

  newestSeq(conversationId) {
    const bySeq = this.messages.get(conversationId);
    return bySeq && bySeq.size > 0 ? Math.max(...bySeq.keys()) : 0;
  }

  oldestSeq(conversationId) {
    const bySeq = this.messages.get(conversationId);
    return bySeq && bySeq.size > 0 ? Math.min(...bySeq.keys()) : 0;
  }

  /**
   * hello's resume map: the newest seq held for each conversation with messages, and 0 for an
   * opened conversation still empty, so what was sent to it while offline comes back too.
   */
  resumeMap() {
    const resume = {};
    for (const id of new Set([...this.messages.keys(), ...this.loaded])) {
      resume[id] = this.newestSeq(id);
    }
    this.resumeSent = resume; // what a truncated `synced` is measured against
    return resume;
  }

  /**
   * After a truncated resume the server replayed only the newest messages: what was held from
   * before the gap goes, so the held seqs stay contiguous, and older ones come back by paging.
   */
  dropThrough(conversationId, seq) {
    const bySeq = this.messages.get(conversationId);
    if (!bySeq) return;
    for (const held of [...bySeq.keys()]) if (held <= seq) bySeq.delete(held);
    this.hasMore.set(conversationId, true);
  }

  /** Forgets a conversation's messages, when a resume could not fill the gap (truncated). */
  dropMessages(conversationId) {
    this.messages.delete(conversationId);
    this.loaded.delete(conversationId);
    this.hasMore.delete(conversationId);
  }

  /** Read cursors only move up, like the server's. */
  applyReceipt({ conversationId, userId, seq }) {
    let cursors = this.receipts.get(conversationId);
    if (!cursors) {
      cursors = new Map();
      this.receipts.set(conversationId, cursors);
    }
    if ((cursors.get(userId) || 0) >= seq) return false;
    cursors.set(userId, seq);
    return true;
  }
}
