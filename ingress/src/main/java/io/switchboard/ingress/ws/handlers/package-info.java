/**
 * What a valid frame of an authenticated socket does: commands go to Kafka (acked once durable),
 * {@code history} and {@code resume} read PostgreSQL; each checks the rate limit and membership first.
 */
package io.switchboard.ingress.ws.handlers;
