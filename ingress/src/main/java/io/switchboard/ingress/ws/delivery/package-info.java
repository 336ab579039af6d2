/**
 * What one socket is given of the live traffic its node receives from Redis: the channels it listens to
 * and the memberships and contacts they follow from, the filter of each frame, the hold that keeps live
 * frames behind a resume's replay, and the typing lapses.
 */
package io.switchboard.ingress.ws.delivery;
