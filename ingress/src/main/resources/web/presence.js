// Online/offline dots. Every dot for a user carries data-user, so one presence frame updates
// the sidebar and the chat header alike.
import { el } from './dom.js';

export class Presence {
  constructor() {
    this.byUser = new Map(); // userId -> {status, lastSeen}
  }

  /** From a `presence` frame or one entry of GET /api/presence. */
  apply({ userId, status, lastSeen }) {
    this.byUser.set(userId, { status, lastSeen });
    for (const dot of document.querySelectorAll('.presence-dot')) {
      if (dot.dataset.user === userId) this.paint(dot);
    }
  }

  dot(userId) {
    const dot = el('span', { class: 'presence-dot', 'data-user': userId });
    this.paint(dot);
    return dot;
  }

  paint(dot) {
    const known = this.byUser.get(dot.dataset.user);
    const status = known ? known.status : 'offline';
    dot.dataset.status = status;
    const seen = known && known.lastSeen && status !== 'online'
      ? `, last seen ${new Date(known.lastSeen).toLocaleString()}` : '';
    dot.title = `${dot.dataset.user}: ${status}${seen}`;
  }
}
