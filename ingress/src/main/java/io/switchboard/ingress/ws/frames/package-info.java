/**
 * The client frames of the contract (docs/protocol.md): joined from fragments, parsed and checked field by
 * field into a {@link io.switchboard.ingress.ws.frames.ClientFrame}, and the error and close codes a refusal uses.
 */
package io.switchboard.ingress.ws.frames;
