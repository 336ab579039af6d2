/** Every frame to one socket, in order, through one bounded queue and one writer at a time. */
package io.switchboard.ingress.ws.outbox;
