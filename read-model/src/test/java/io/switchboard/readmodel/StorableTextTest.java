package io.switchboard.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void shouldReplaceNulAndUnpairedSurrogatesOnly() {
        assertThat(StorableText.of("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("\ud800x\udc00")).isEqualTo("\uFFFDx\uFFFD");
        assertThat(StorableText.of("pile \ud83d\udca9 \u0000 \ud83d\udca9")).isEqualTo("pile \ud83d\udca9 \uFFFD \ud83d\udca9");
        assertThat(StorableText.of("ends high \ud83d")).isEqualTo("ends high \uFFFD");
    }

    @Test
    void shouldReturnStorableTextItselfAndNullAsNull() {
        String fine = "fine \ud83d\udca9 text";

        assertThat(StorableText.of(fine)).isSameAs(fine);
        assertThat(StorableText.of("")).isEmpty();
        assertThat(StorableText.of(null)).isNull();
    }
}
