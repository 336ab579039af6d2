/**
 * The chat WebSocket, {@code GET /ws}: {@link io.switchboard.ingress.ws.ChatEndpoint} wires the subpackages
 * together; its settings and origin policy are the only types the rest of ingress sees.
 *
 * <p>A client frame's way in: {@code session} (the connection, its hello and its dispatcher), {@code frames}
 * (assembled, parsed, checked), {@code handlers} (rate limit, membership, then Kafka or PostgreSQL). A live
 * frame's way out: {@code ingress.live} (Redis) to {@code delivery} (what this socket gets, held while a
 * resume replays) to {@code outbox} (one ordered queue per socket). {@code timers} serves both ways.
 */
package io.switchboard.ingress.ws;
