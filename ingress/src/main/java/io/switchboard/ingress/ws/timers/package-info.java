/** Delayed and periodic tasks of the endpoint (hello timeout, keepalive, heartbeats, typing lapses, close grace). */
package io.switchboard.ingress.ws.timers;
