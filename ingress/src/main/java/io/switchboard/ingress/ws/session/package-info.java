/**
 * One connection from upgrade to close: the origin and bearer checks, {@code hello}, opening the live
 * session (welcome, subscriptions, CONNECT), handing each later frame to its one handler, and DISCONNECT.
 */
package io.switchboard.ingress.ws.session;
