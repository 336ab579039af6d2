package io.switchboard.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void shouldAcceptTheContractAlphabetUpTo64Characters() {
        assertThat(Identifiers.isValid("a")).isTrue();
        assertThat(Identifiers.isValid("Alice_01.x-y")).isTrue();
        assertThat(Identifiers.isValid("x".repeat(64))).isTrue();
    }

    @Test
    void shouldRefuseEmptyTooLongOrOtherCharacters() {
        assertThat(Identifiers.isValid(null)).isFalse();
        assertThat(Identifiers.isValid("")).isFalse();
        assertThat(Identifiers.isValid("x".repeat(65))).isFalse();
        assertThat(Identifiers.isValid("a b")).isFalse();
        assertThat(Identifiers.isValid("a/b")).isFalse();
        assertThat(Identifiers.isValid("é")).isFalse();
    }
}
