// The sidebar: the user's conversations with unread counts and presence, and the form that
// starts a new one (one other user and no title: direct; otherwise a group).
import { $, el } from './dom.js';

const USER_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export class Sidebar {
  /** onOpen(conversationId): the user picked a conversation. onCreate(members, title): the form. */
  constructor({ store, presence, onOpen, onCreate }) {
    Object.assign(this, { store, presence, onOpen, onCreate });
    this.list = $('#conversations');
    this.currentId = null;
    this.activity = new Map(); // conversationId -> counter; the newest activity is listed first
    this.counter = 0;
    $('#new-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitNew();
    });
  }

  /** Takes the server's list order as the starting activity order (first = most recent). */
  setAll(views) {
    views.forEach((view, index) => {
      this.store.upsertConversation(view);
      if (!this.activity.has(view.conversationId)) this.activity.set(view.conversationId, -index);
    });
    this.render();
  }

  touch(conversationId) {
    this.counter += 1;
    this.activity.set(conversationId, this.counter);
  }

  select(conversationId) {
    this.currentId = conversationId;
    this.render();
  }

  render() {
    const order = (id) => this.activity.get(id) ?? Number.MIN_SAFE_INTEGER;
    const items = [...this.store.conversations.values()]
      .sort((a, b) => order(b.conversationId) - order(a.conversationId))
      .map((c) => this.item(c));
    this.list.replaceChildren(...items);
    $('#no-conversations').hidden = items.length > 0;
  }

  item(conversation) {
    const id = conversation.conversationId;
    const others = this.store.others(conversation);
    // The conversation on screen is being read: its count is the server's catching up, not news.
    const onScreen = id === this.currentId && document.visibilityState === 'visible';
    const unread = onScreen ? 0 : conversation.unread || 0;
    const mentions = onScreen ? 0 : conversation.mentions || 0;
    const open = () => this.onOpen(id);
    return el('li', {
      class: `conversation${id === this.currentId ? ' active' : ''}${unread > 0 ? ' has-unread' : ''}`,
      'data-id': id,
      tabindex: 0,
      role: 'button',
      'aria-current': id === this.currentId ? 'true' : false,
      onclick: open,
      onkeydown: (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(); } },
    },
    // A direct conversation shows the other person's presence; a group shows no single dot.
    others.length === 1 ? this.presence.dot(others[0]) : el('span', { class: 'group-mark', text: '#' }),
    el('span', { class: 'label', text: this.store.label(conversation) }),
    el('span', { class: 'mentions', text: `@${mentions}`, hidden: mentions === 0, 'aria-label': `${mentions} mentions` }),
    el('span', { class: 'unread', text: String(unread), hidden: unread === 0, 'aria-label': `${unread} unread` }));
  }

  async submitNew() {
    const membersInput = $('#new-members');
    const titleInput = $('#new-title');
    const members = [...new Set(membersInput.value.split(/[\s,]+/).filter(Boolean))]
      .filter((m) => m !== this.store.me.userId);
    const bad = members.find((m) => !USER_ID.test(m));
    const error = $('#new-error');
    if (members.length === 0 || bad) {
      error.textContent = bad
        ? `"${bad}" is not a user id (1 to 64 of A-Z a-z 0-9 _ . -)`
        : 'Name at least one other user.';
      return;
    }
    error.textContent = '';
    const button = $('#new-btn');
    button.disabled = true;
    try {
      await this.onCreate(members, titleInput.value.trim());
      membersInput.value = '';
      titleInput.value = '';
    } catch (failure) {
      error.textContent = `Could not start the conversation: ${failure.message}`;
    } finally {
      button.disabled = false;
    }
  }
}
