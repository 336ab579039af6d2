package io.switchboard.ingress.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into the contract's {@code {"code","message"}} body. */
public final class ApiErrors {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiError.class, ApiErrors::refused)
                .error(StoreUnavailableException.class, ApiErrors::storeDown)
                .error(HttpException.class, ApiErrors::framework)
                .error(RuntimeException.class, ApiErrors::unexpected);
    }

    /** Last route: anything no service answered is a JSON 404 rather than the server's plain text. */
    public static void notFound(ServerRequest req, ServerResponse res) {
        Json.error(res, Status.NOT_FOUND_404, "not_found", "No such resource: " + req.prologue().uriPath().path());
    }

    private static void refused(ServerRequest req, ServerResponse res, ApiError e) {
        if (e.status() == Status.UNAUTHORIZED_401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        Json.error(res, e.status(), e.code(), e.getMessage());
    }

    private static void storeDown(ServerRequest req, ServerResponse res, StoreUnavailableException e) {
        LOGGER.atWarn().addKeyValue("path", req.prologue().uriPath().path()).addKeyValue("cause", e.getMessage())
                .log("Read model unavailable");
        Json.error(res, Status.SERVICE_UNAVAILABLE_503, "unavailable", "The read model is unavailable, retry later");
    }

    /** Helidon's own refusals (malformed requests and the like) keep their status, with our body. */
    private static void framework(ServerRequest req, ServerResponse res, HttpException e) {
        // Static content answers a conditional GET with a 304 "exception"; such a status must carry no body.
        if (e.status().code() < 400) {
            res.status(e.status()).send();
            return;
        }
        String code = switch (e.status().code()) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 413 -> "too_large";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> e.status().code() >= 500 ? "internal" : "bad_request";
        };
        if (e.status().code() >= 500) {
            LOGGER.atError().addKeyValue("path", req.prologue().uriPath().path()).setCause(e).log("Server failure");
        }
        Json.error(res, e.status(), code, e.getMessage());
    }

    private static void unexpected(ServerRequest req, ServerResponse res, RuntimeException e) {
        LOGGER.atError().addKeyValue("method", req.prologue().method().text())
                .addKeyValue("path", req.prologue().uriPath().path()).setCause(e).log("Unexpected failure");
        Json.error(res, Status.INTERNAL_SERVER_ERROR_500, "internal", "Unexpected server error");
    }
}
