package io.switchboard.ingress.store;

/** PostgreSQL could not answer; callers turn it into {@code unavailable} rather than a wrong answer. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
