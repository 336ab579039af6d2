package io.switchboard.ingress.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":1}{\"a\":2}", "{\"a\":1}]", "[1] 2", "{\"a\":1}\u0000"})
    void shouldRefuseAnythingButWhitespaceAfterTheValue(String text) {
        assertThatThrownBy(() -> ClientJson.READER.readTree(text)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void shouldReadOneValueWithWhitespaceAround() throws Exception {
        assertThat(ClientJson.READER.readTree(" {\"a\":1} \n").path("a").asInt()).isEqualTo(1);
        assertThat(ClientJson.READER.readTree("{\"a\":1}".getBytes()).path("a").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udc00b", "\ude00\ud83d", "end\ud83d"})
    void shouldFindHalvesOfSurrogatePairs(String text) {
        assertThat(ClientJson.hasUnpairedSurrogate(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\ud83d\ude00", "e\u0301 \u202e \ufeff \uffff", "\ud83d\udca9\ud83d\udca9"})
    void shouldAcceptWholePairsAndEveryOtherCharacter(String text) {
        assertThat(ClientJson.hasUnpairedSurrogate(text)).isFalse();
    }
}
