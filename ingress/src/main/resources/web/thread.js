// One message's thread beside the conversation: the parent, its replies oldest first (paged from
// the server with replyTo/afterSeq, then kept live), and a composer whose sends carry replyTo.
import { $, el } from './dom.js';
import { uuid } from './composer.js';

const PAGE = 50;

export class ThreadView {
  /** rowOf(message, inThread): a message row; onSent(): the outbox changed. */
  constructor({ store, socket, api, status, rowOf }) {
    Object.assign(this, { store, socket, api, status, rowOf });
    this.open = null; // {conversationId, seq}
    this.panel = $('#thread');
    $('#thread-close').addEventListener('click', () => this.close());
    $('#thread-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    $('#thread-input').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
  }

  isOpenFor(conversationId, seq) {
    return Boolean(this.open && this.open.conversationId === conversationId && this.open.seq === seq);
  }

  async show(parent) {
    this.open = { conversationId: parent.conversationId, seq: parent.seq };
    this.panel.hidden = false;
    this.panel.dataset.parent = parent.seq;
    this.render();
    $('#thread-input').focus();
    let afterSeq = 0;
    try {
      for (;;) {
        const page = await this.api.replies(parent.conversationId, parent.seq, afterSeq, PAGE);
        for (const message of page.messages || []) this.store.applyMessage(message);
        if (!this.isOpenFor(parent.conversationId, parent.seq)) return;
        this.render();
        const messages = page.messages || [];
        if (!page.hasMore || messages.length === 0) break;
        afterSeq = messages[messages.length - 1].seq;
      }
    } catch (error) {
      this.status(`Could not load the thread: ${error.message}`, 'error');
    }
  }

  close() {
    this.open = null;
    this.panel.hidden = true;
  }

  /** After any change to the conversation's messages: redraws when it concerns the open thread. */
  refresh(message) {
    if (!this.open || message.conversationId !== this.open.conversationId) return;
    if (message.seq === this.open.seq || message.replyTo === this.open.seq) this.render();
  }

  render() {
    if (!this.open) return;
    const { conversationId, seq } = this.open;
    const parent = this.store.messages.get(conversationId)?.get(seq);
    $('#thread-parent').replaceChildren(...(parent ? [this.rowOf(parent, true)] : []));
    const replies = this.store.sorted(conversationId).filter((m) => m.replyTo === seq);
    $('#thread-list').replaceChildren(...replies.map((m) => this.rowOf(m, true)));
    const pending = [...this.store.outbox.values()]
      .filter((e) => e.conversationId === conversationId && e.replyTo === seq);
    $('#thread-pending').replaceChildren(...pending.map((e) => el('li',
      { class: 'message mine pending', 'data-client-msg-id': e.clientMsgId }, el('p', { class: 'text', text: e.text }))));
  }

  submit() {
    const input = $('#thread-input');
    const text = input.value.trim();
    if (!text || !this.open) return;
    const entry = {
      clientMsgId: uuid(), conversationId: this.open.conversationId, text, replyTo: this.open.seq,
      state: 'sending', tries: 0,
    };
    this.store.outbox.set(entry.clientMsgId, entry);
    const sent = this.socket.send({
      type: 'send', conversationId: entry.conversationId, clientMsgId: entry.clientMsgId, text, replyTo: entry.replyTo,
    });
    entry.state = sent ? 'sending' : 'queued';
    input.value = '';
    this.render();
  }
}
