// Pure rendering: message rows, outbox rows, "seen by" placement and the typing line. Text goes in
// through textContent only (see dom.js), so a message is always shown as its characters.
import { el, shortTime } from './dom.js';

const PENDING_LABELS = {
  sending: 'sending…', queued: 'waiting for connection…', retrying: 'retrying…', sent: 'sent',
};

/** A delivered message. actions: {onEdit, onDelete} offered on the user's own, undeleted messages. */
export function messageRow(m, { me, name, onEdit, onDelete }) {
  const mine = m.senderId === me;
  const state = m.deleted ? 'deleted' : (m.editedAt ? 'edited' : '');
  return el('li', {
    class: ['message', mine ? 'mine' : 'theirs', state].filter(Boolean).join(' '),
    'data-seq': m.seq,
    'data-version': m.version,
    'data-sender': m.senderId,
  },
  el('div', { class: 'meta' },
    el('span', { class: 'sender', text: m.senderName || name(m.senderId) }),
    el('time', { class: 'time', datetime: m.sentAt, title: m.sentAt, text: shortTime(m.sentAt) }),
    el('span', { class: 'state', title: m.editedAt || false, text: state })),
  el('p', { class: 'text', text: m.deleted ? '' : m.text }),
  m.deleted ? el('p', { class: 'tombstone', text: 'This message was deleted' }) : null,
  mine && !m.deleted ? el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'edit-btn', text: 'Edit', onclick: () => onEdit(m) }),
    el('button', { type: 'button', class: 'delete-btn', text: 'Delete', onclick: () => onDelete(m) }))
    : null);
}

/** A send not yet seen back as a message; a failed one offers retry and discard. */
export function pendingRow(entry, { senderName, onRetry, onDiscard }) {
  const failed = entry.state === 'failed';
  return el('li', {
    class: `message mine pending${failed ? ' failed' : ''}`,
    'data-client-msg-id': entry.clientMsgId,
    'data-state': entry.state,
  },
  el('div', { class: 'meta' },
    el('span', { class: 'sender', text: senderName }),
    el('span', { class: 'state', text: failed ? `not sent: ${entry.error}` : PENDING_LABELS[entry.state] })),
  el('p', { class: 'text', text: entry.text }),
  failed ? el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'retry-btn', text: 'Retry', onclick: () => onRetry(entry) }),
    el('button', { type: 'button', class: 'discard-btn', text: 'Discard', onclick: () => onDiscard(entry) }))
    : null);
}

/**
 * Where "seen by" goes: each other user's read cursor lands on the newest held message it covers,
 * unless that message is their own (their reply already says they saw what came before).
 * cursors: Map(userId -> seq); held: [{seq, senderId}] ascending. Returns Map(seq -> sorted userIds).
 */
export function seenBy(cursors, held, me) {
  const bySeq = new Map();
  for (const [userId, cursor] of cursors) {
    if (userId === me) continue;
    let target = null;
    for (const message of held) {
      if (message.seq > cursor) break;
      target = message;
    }
    if (!target || target.senderId === userId) continue;
    if (!bySeq.has(target.seq)) bySeq.set(target.seq, []);
    bySeq.get(target.seq).push(userId);
  }
  for (const users of bySeq.values()) users.sort();
  return bySeq;
}

export function receiptLine(users, name) {
  return el('div', {
    class: 'receipt', 'data-users': users.join(' '), text: `Seen by ${users.map(name).join(', ')}`,
  });
}

export function typingText(names) {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
