// Pure rendering: message rows, outbox rows, "seen by" placement and the typing line. Text goes in
// through textContent only (see dom.js), so a message is always shown as its characters.
import { el, shortTime } from './dom.js';

const PENDING_LABELS = {
  sending: 'sending…', queued: 'waiting for connection…', retrying: 'retrying…', sent: 'sent',
};

/** The quick reaction every message offers; chips of existing reactions toggle the user's own. */
export const QUICK_REACTION = '👍';

/**
 * The text with each `@userId` the server listed in `mentions` as a <mark>; the rest as text nodes,
 * so nothing of the text is ever parsed as markup.
 */
export function textWithMentions(text, mentions, me) {
  const named = new Set(mentions || []);
  const parts = [];
  const pattern = /@([A-Za-z0-9_.-]{1,64})/g;
  let at = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    let id = match[1];
    while (!named.has(id) && /[.-]$/.test(id)) id = id.slice(0, -1);
    if (!named.has(id)) continue;
    parts.push(text.slice(at, match.index));
    parts.push(el('mark', { class: id === me ? 'mention me' : 'mention', 'data-user': id, text: `@${id}` }));
    at = match.index + 1 + id.length;
  }
  parts.push(text.slice(at));
  return parts;
}

/** Reaction chips in the server's order: emoji and count, pressed when the user is among them. */
export function reactionChips(m, me, onReact) {
  const chips = Object.entries(m.reactions || {}).filter(([, users]) => users.length > 0)
    .map(([emoji, users]) => {
      const mine = users.includes(me);
      return el('button', {
        type: 'button', class: `reaction${mine ? ' mine' : ''}`, 'data-emoji': emoji,
        'aria-pressed': mine ? 'true' : 'false', title: users.join(', '),
        text: `${emoji} ${users.length}`, onclick: () => onReact(m, emoji, !mine),
      });
    });
  if (!m.deleted && !(m.reactions && (m.reactions[QUICK_REACTION] || []).includes(me))) {
    chips.push(el('button', {
      type: 'button', class: 'react-btn', title: `React with ${QUICK_REACTION}`, text: `+${QUICK_REACTION}`,
      onclick: () => onReact(m, QUICK_REACTION, true),
    }));
  }
  return el('div', { class: 'reactions' }, ...chips);
}

/**
 * A delivered message. actions: {onEdit, onDelete} offered on the user's own, undeleted messages;
 * onReact(m, emoji, active) for the chips; onThread(m) opens its thread (absent inside a thread).
 */
export function messageRow(m, { me, name, onEdit, onDelete, onReact, onThread }) {
  const mine = m.senderId === me;
  const state = m.deleted ? 'deleted' : (m.editedAt ? 'edited' : '');
  const mentionsMe = (m.mentions || []).includes(me);
  const replies = m.replyCount || 0;
  return el('li', {
    class: ['message', mine ? 'mine' : 'theirs', state, mentionsMe ? 'mentions-me' : ''].filter(Boolean).join(' '),
    'data-seq': m.seq,
    'data-version': m.version,
    'data-sender': m.senderId,
  },
  el('div', { class: 'meta' },
    el('span', { class: 'sender', text: m.senderName || name(m.senderId) }),
    el('time', { class: 'time', datetime: m.sentAt, title: m.sentAt, text: shortTime(m.sentAt) }),
    el('span', { class: 'state', title: m.editedAt || false, text: state })),
  el('p', { class: 'text' }, ...(m.deleted ? [] : textWithMentions(m.text, m.mentions, me))),
  m.deleted ? el('p', { class: 'tombstone', text: 'This message was deleted' }) : null,
  onReact ? reactionChips(m, me, onReact) : null,
  onThread && (replies > 0 || !m.deleted) ? el('button', {
    type: 'button', class: 'thread-btn', 'data-replies': replies,
    text: replies === 0 ? 'Reply' : `${replies} ${replies === 1 ? 'reply' : 'replies'}`, onclick: () => onThread(m),
  }) : null,
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
