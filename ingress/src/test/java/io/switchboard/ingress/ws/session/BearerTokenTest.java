package io.switchboard.ingress.ws.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void shouldTakeTheTokenOfABearerHeader() {
        assertThat(BearerToken.from(Optional.of("Bearer abc.def.ghi"))).contains("abc.def.ghi");
        assertThat(BearerToken.from(Optional.of("bearer   abc "))).contains("abc");
    }

    @Test
    void shouldIgnoreOtherSchemesAndAbsentHeader() {
        assertThat(BearerToken.from(Optional.empty())).isEmpty();
        assertThat(BearerToken.from(Optional.of("Basic dXNlcjpwYXNz"))).isEmpty();
    }

    @Test
    void shouldYieldEmptyTokenForBareScheme() {
        assertThat(BearerToken.from(Optional.of("Bearer"))).contains("");
    }
}
