// The search box: GET /api/search over the user's conversations, newest first; a hit opens its
// conversation. Hits are shown as text (textContent), the words asked for marked.
import { $, el } from './dom.js';

export class SearchBox {
  /** onOpen(conversationId, seq): the user picked a hit. */
  constructor({ store, api, status, onOpen }) {
    Object.assign(this, { store, api, status, onOpen });
    $('#search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.run($('#search-input').value.trim());
    });
    $('#search-close').addEventListener('click', () => this.close());
  }

  async run(q) {
    if (!q) {
      this.close();
      return;
    }
    let page;
    try {
      page = await this.api.search(q);
    } catch (error) {
      this.status(`Search failed: ${error.message}`, 'error');
      return;
    }
    const hits = page.messages || [];
    $('#search-summary').textContent = hits.length === 0 ? `Nothing matches "${q}"`
      : `${hits.length}${page.hasMore ? '+' : ''} found for "${q}"`;
    $('#search-results').replaceChildren(...hits.map((m) => this.hit(m)));
    $('#search-box').hidden = false;
  }

  hit(m) {
    const conversation = this.store.conversations.get(m.conversationId);
    const where = conversation ? this.store.label(conversation) : m.conversationId;
    return el('li', {
      class: 'search-hit', 'data-conversation': m.conversationId, 'data-seq': m.seq, tabindex: 0,
      onclick: () => this.onOpen(m.conversationId, m.seq),
    },
    el('div', { class: 'where', text: `${where} · ${m.senderName}` }),
    el('div', { class: 'text', text: m.text }));
  }

  close() {
    $('#search-box').hidden = true;
    $('#search-results').replaceChildren();
  }
}
