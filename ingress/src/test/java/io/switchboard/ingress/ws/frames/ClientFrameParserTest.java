package io.switchboard.ingress.ws.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientFrameParserTest {
    private final ClientFrameParser parser = new ClientFrameParser();

    @Test
    void shouldParseEveryFrameType() {
        assertThat(parser.parse("{\"type\":\"ping\",\"id\":\"p1\"}")).isEqualTo(new ClientFrame.Ping("p1"));
        assertThat(parser.parse("{\"type\":\"send\",\"id\":\"1\",\"conversationId\":\"c1\",\"clientMsgId\":\"m1\",\"text\":\"hi\"}"))
                .isEqualTo(new ClientFrame.Send("1", "c1", "m1", "hi"));
        assertThat(parser.parse("{\"type\":\"edit\",\"conversationId\":\"c1\",\"seq\":3,\"text\":\"x\"}"))
                .isEqualTo(new ClientFrame.Edit(null, "c1", 3, "x"));
        assertThat(parser.parse("{\"type\":\"delete\",\"conversationId\":\"c1\",\"seq\":3}"))
                .isEqualTo(new ClientFrame.Delete(null, "c1", 3));
        assertThat(parser.parse("{\"type\":\"read\",\"conversationId\":\"c1\",\"seq\":0}"))
                .isEqualTo(new ClientFrame.Read(null, "c1", 0));
        assertThat(parser.parse("{\"type\":\"typing\",\"conversationId\":\"c1\",\"active\":true}"))
                .isEqualTo(new ClientFrame.Typing(null, "c1", true));
        assertThat(parser.parse("{\"type\":\"history\",\"conversationId\":\"c1\"}"))
                .isEqualTo(new ClientFrame.History(null, "c1", null, 50));
        assertThat(parser.parse("{\"type\":\"history\",\"conversationId\":\"c1\",\"beforeSeq\":9,\"limit\":100}"))
                .isEqualTo(new ClientFrame.History(null, "c1", 9L, 100));
        assertThat(parser.parse("{\"type\":\"hello\",\"token\":\"t\",\"resume\":{\"c1\":4,\"c2\":0}}"))
                .isEqualTo(new ClientFrame.Hello(null, "t", Map.of("c1", 4L, "c2", 0L), null));
        assertThat(parser.parse("{\"type\":\"hello\"}")).isEqualTo(new ClientFrame.Hello(null, null, Map.of(), null));
        assertThat(parser.parse("{\"type\":\"send\",\"conversationId\":\"c1\",\"clientMsgId\":\"m1\",\"text\":\"re\",\"replyTo\":4}"))
                .isEqualTo(new ClientFrame.Send(null, "c1", "m1", "re", 4L));
        assertThat(parser.parse("{\"type\":\"react\",\"id\":\"r\",\"conversationId\":\"c1\",\"seq\":2,\"emoji\":\"👍\",\"active\":false}"))
                .isEqualTo(new ClientFrame.React("r", "c1", 2, "👍", false));
    }

    @Test
    void shouldEchoIdInEveryRefusal() {
        FrameException e = refused("{\"type\":\"send\",\"id\":\"req-7\",\"conversationId\":\"c1\"}");

        assertThat(e.id()).isEqualTo("req-7");
        assertThat(e.code()).isEqualTo("bad_request");
        assertThat(e.getMessage()).contains("clientMsgId");
    }

    @Test
    void shouldRefuseIdThatIsNotAShortString() {
        assertThat(refused("{\"type\":\"ping\",\"id\":5}")).satisfies(e -> {
            assertThat(e.id()).isNull();
            assertThat(e.getMessage()).contains("id");
        });
        assertThat(refused("{\"type\":\"ping\",\"id\":\"" + "x".repeat(65) + "\"}").id()).isNull();
        assertThat(parser.parse("{\"type\":\"ping\",\"id\":\"" + "x".repeat(64) + "\"}").id()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{}", "{\"type\":7}", "{\"type\":\"shout\"}", ""})
    void shouldRefuseFramesThatAreNotRequests(String frame) {
        assertThat(refused(frame).code()).isEqualTo("bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"send\",\"clientMsgId\":\"m\",\"text\":\"t\"}",
            "{\"type\":\"send\",\"conversationId\":\"bad id\",\"clientMsgId\":\"m\",\"text\":\"t\"}",
            "{\"type\":\"send\",\"conversationId\":5,\"clientMsgId\":\"m\",\"text\":\"t\"}",
            "{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"\",\"text\":\"t\"}",
            "{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"\"}",
            "{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":7}",
            "{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\"}",
            "{\"type\":\"edit\",\"conversationId\":\"c\",\"seq\":0,\"text\":\"t\"}",
            "{\"type\":\"edit\",\"conversationId\":\"c\",\"seq\":1}",
            "{\"type\":\"edit\",\"conversationId\":\"c\",\"seq\":\"1\",\"text\":\"t\"}",
            "{\"type\":\"edit\",\"conversationId\":\"c\",\"seq\":1.5,\"text\":\"t\"}",
            "{\"type\":\"delete\",\"conversationId\":\"c\"}",
            "{\"type\":\"delete\",\"seq\":1}",
            "{\"type\":\"read\",\"conversationId\":\"c\",\"seq\":-1}",
            "{\"type\":\"typing\",\"conversationId\":\"c\"}",
            "{\"type\":\"typing\",\"conversationId\":\"c\",\"active\":\"yes\"}",
            "{\"type\":\"history\"}",
            "{\"type\":\"history\",\"conversationId\":\"c\",\"limit\":0}",
            "{\"type\":\"history\",\"conversationId\":\"c\",\"limit\":101}",
            "{\"type\":\"history\",\"conversationId\":\"c\",\"beforeSeq\":0}",
            "{\"type\":\"hello\",\"token\":7}",
            "{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"t\",\"replyTo\":0}",
            "{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"t\",\"replyTo\":\"1\"}",
            "{\"type\":\"react\",\"conversationId\":\"c\",\"seq\":1,\"emoji\":\"\",\"active\":true}",
            "{\"type\":\"react\",\"conversationId\":\"c\",\"seq\":1,\"emoji\":\"12345678901234567\",\"active\":true}",
            "{\"type\":\"react\",\"conversationId\":\"c\",\"seq\":1,\"emoji\":\"x\"}",
            "{\"type\":\"react\",\"conversationId\":\"c\",\"emoji\":\"x\",\"active\":true}"
    })
    void shouldRefuseMissingOrInvalidFields(String frame) {
        assertThat(refused(frame).code()).isEqualTo("bad_request");
    }

    @Test
    void shouldBoundTextAndClientMsgIdInCharactersNotUnits() {
        String emoji = "\uD83D\uDE00";
        String longest = emoji.repeat(4000);
        assertThat(parser.parse("{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"" + longest + "\"}"))
                .isInstanceOf(ClientFrame.Send.class);
        assertThat(refused("{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"" + "a".repeat(4001) + "\"}")
                .getMessage()).contains("text");
        assertThat(refused("{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"" + "m".repeat(65) + "\",\"text\":\"t\"}")
                .getMessage()).contains("clientMsgId");
    }

    @Test
    void shouldRefuseTextWithANulCharacterThatPostgresqlCannotStore() {
        FrameException e = refused("{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"a\\u0000b\"}");

        assertThat(e.code()).isEqualTo("bad_request");
        assertThat(e.getMessage()).contains("text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\"} trailing", "{\"type\":\"ping\"}{\"type\":\"ping\"}",
            "{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"t\"}]",
            "{\"type\":\"ping\",\"id\":\"p\"}\u0000"})
    void shouldRefuseAnythingAfterTheFrameObject(String frame) {
        FrameException e = refused(frame);

        assertThat(e.code()).isEqualTo("bad_request");
        assertThat(e.getMessage()).contains("not JSON");
    }

    @Test
    void shouldAcceptWhitespaceAfterTheFrameObject() {
        assertThat(parser.parse("{\"type\":\"ping\",\"id\":\"p\"} \n")).isEqualTo(new ClientFrame.Ping("p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "a\\udc00b", "\\ude00\\ud83d", "ok\\ud83d"})
    void shouldRefuseTextWithAnUnpairedSurrogateThatUtf8CannotCarry(String escaped) {
        FrameException text = refused("{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\""
                + escaped + "\"}");
        FrameException clientMsgId = refused("{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\""
                + escaped + "\",\"text\":\"t\"}");

        assertThat(text.getMessage()).contains("text", "surrogate");
        assertThat(clientMsgId.getMessage()).contains("clientMsgId", "surrogate");
    }

    @Test
    void shouldAcceptSurrogatePairsEscapedOrNot() {
        ClientFrame frame = parser.parse("{\"type\":\"send\",\"conversationId\":\"c\",\"clientMsgId\":\"\\ud83d\\ude00\","
                + "\"text\":\"\ud83d\udca9\"}");

        assertThat(frame).isEqualTo(new ClientFrame.Send(null, "c", "\ud83d\ude00", "\ud83d\udca9"));
    }

    @Test
    void shouldEchoClientMsgIdWhenOnlyTheTextIsWrong() {
        FrameException e = refused("{\"type\":\"send\",\"id\":\"1\",\"conversationId\":\"c\",\"clientMsgId\":\"m9\",\"text\":\"\"}");

        assertThat(e.clientMsgId()).isEqualTo("m9");
    }

    @Test
    void shouldDeferResumeProblemsUntilAfterAuthentication() {
        ClientFrame.Hello notObject = (ClientFrame.Hello) parser.parse("{\"type\":\"hello\",\"token\":\"t\",\"resume\":[1]}");
        ClientFrame.Hello badKey = (ClientFrame.Hello) parser.parse("{\"type\":\"hello\",\"token\":\"t\",\"resume\":{\"a b\":1}}");
        ClientFrame.Hello badSeq = (ClientFrame.Hello) parser.parse("{\"type\":\"hello\",\"token\":\"t\",\"resume\":{\"c\":-2}}");

        assertThat(notObject.token()).isEqualTo("t");
        assertThat(notObject.invalidResume()).contains("resume");
        assertThat(badKey.invalidResume()).contains("conversationId");
        assertThat(badSeq.invalidResume()).contains("resume.c");
    }

    @Test
    void shouldRefuseAResumeOfMoreThanAThousandConversations() {
        ClientFrame.Hello thousand = (ClientFrame.Hello) parser.parse(helloResuming(1_000));
        ClientFrame.Hello tooMany = (ClientFrame.Hello) parser.parse(helloResuming(1_001));

        assertThat(thousand.invalidResume()).isNull();
        assertThat(thousand.resume()).hasSize(1_000);
        assertThat(tooMany.invalidResume()).contains("1000");
        assertThat(tooMany.resume()).isEmpty();
    }

    private static String helloResuming(int conversations) {
        StringBuilder resume = new StringBuilder();
        for (int i = 0; i < conversations; i++) {
            resume.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":0");
        }
        return "{\"type\":\"hello\",\"token\":\"t\",\"resume\":{" + resume + "}}";
    }

    private FrameException refused(String frame) {
        FrameException e = catchThrowableOfType(FrameException.class, () -> parser.parse(frame));
        assertThat(e).as("refusal of %s", frame).isNotNull();
        return e;
    }
}
