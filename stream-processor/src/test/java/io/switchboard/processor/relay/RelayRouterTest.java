package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.schemas.avro.Joined;
import io.switchboard.schemas.avro.Left;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.ReactionChange;
import io.switchboard.schemas.avro.ReactionGroup;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.schemas.avro.Redelivery;
import io.switchboard.schemas.avro.Rejection;
import io.switchboard.schemas.frames.Frames;
import io.switchboard.schemas.serde.UndecodableRecordException;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayRouterTest {
    private final RelayRouter router = new RelayRouter();

    @Test
    void shouldPublishMessageToConversationAndMarkItsSeq() throws Exception {
        List<RedisWrite> writes = routeEncoded(Topics.MESSAGES, Samples.message("general", 3));

        assertThat(writes).hasSize(2);
        Publication publication = (Publication) writes.getFirst();
        assertThat(publication.channel()).isEqualTo("sb:conv:general");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("message");
        assertThat(frame.get("conversationId").asText()).isEqualTo("general");
        assertThat(frame.get("seq").asLong()).isEqualTo(3);
        assertThat(frame.get("messageId").asText()).isEqualTo("m-3");
        assertThat(frame.get("senderId").asText()).isEqualTo("alice");
        assertThat(frame.get("senderName").asText()).isEqualTo("Alice");
        assertThat(frame.get("clientMsgId").asText()).isEqualTo("c-3");
        assertThat(frame.get("text").asText()).isEqualTo("hello 3");
        assertThat(frame.get("sentAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(frame.get("version").asInt()).isEqualTo(1);
        assertThat(frame.get("deleted").asBoolean()).isFalse();
        assertThat(frame.has("editedAt")).isFalse();
        assertThat(writes.get(1)).isEqualTo(new SeqMark("sb:lastseq:general", 3));
    }

    @Test
    void shouldMarkThePositionAfterAMessagesRecordSoReadersCanWaitForTheSink() {
        byte[] edit = Topics.MESSAGES.serializeValue(Samples.edited("general", 3));

        List<RedisWrite> writes = router.route(Topics.MESSAGES.name(), 41, edit);

        assertThat(writes).hasSize(3);
        assertThat(writes.get(1)).isEqualTo(new SeqMark("sb:lastseq:general", 3));
        assertThat(writes.getLast()).isEqualTo(new SeqMark("sb:pubat:general", 42));
    }

    @Test
    void shouldMarkNoPositionForRecordsTheSinkDoesNotStoreAsMessages() {
        byte[] cursor = Topics.READ_CURSORS.serializeValue(Samples.cursor());

        assertThat(router.route(Topics.READ_CURSORS.name(), 7, cursor)).hasSize(1);
    }

    @Test
    void shouldCarryEditedAtAndVersionOfAnEdit() throws Exception {
        JsonNode frame = json((Publication) routeEncoded(Topics.MESSAGES, Samples.edited("general", 3)).getFirst());

        assertThat(frame.get("version").asInt()).isEqualTo(2);
        assertThat(frame.get("text").asText()).isEqualTo("edited");
        assertThat(frame.get("editedAt").asText()).isEqualTo("2026-01-01T00:01:01Z");
    }

    @Test
    void shouldPublishReceiptToConversation() throws Exception {
        Publication publication = single(routeEncoded(Topics.READ_CURSORS, Samples.cursor()));

        assertThat(publication.channel()).isEqualTo("sb:conv:general");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("receipt");
        assertThat(frame.get("conversationId").asText()).isEqualTo("general");
        assertThat(frame.get("userId").asText()).isEqualTo("bob");
        assertThat(frame.get("seq").asLong()).isEqualTo(7);
        assertThat(frame.size()).isEqualTo(4);
    }

    @Test
    void shouldPublishTypingToConversation() throws Exception {
        Publication publication = single(routeEncoded(Topics.TYPING, Samples.typing(true)));

        assertThat(publication.channel()).isEqualTo("sb:conv:general");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("typing");
        assertThat(frame.get("conversationId").asText()).isEqualTo("general");
        assertThat(frame.get("userId").asText()).isEqualTo("bob");
        assertThat(frame.get("active").isBoolean()).isTrue();
        assertThat(frame.get("active").asBoolean()).isTrue();
    }

    @Test
    void shouldPublishPresenceToPresenceChannelInLowerCase() throws Exception {
        Publication publication = single(routeEncoded(Topics.PRESENCE, Samples.presence(PresenceStatus.OFFLINE)));

        assertThat(publication.channel()).isEqualTo("sb:presence");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("presence");
        assertThat(frame.get("userId").asText()).isEqualTo("carol");
        assertThat(frame.get("status").asText()).isEqualTo("offline");
        assertThat(frame.get("lastSeen").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void shouldSendRejectionAsErrorToUserWithRequestAndConversation() throws Exception {
        var notice = Samples.notice(new Rejection("not_member", "You are not a member of general"))
                .setConversationId("general").setRequestId("r-9").setClientMsgId("c-9").build();

        Publication publication = single(routeEncoded(Topics.NOTICES, notice));

        assertThat(publication.channel()).isEqualTo("sb:user:bob");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("error");
        assertThat(frame.get("id").asText()).isEqualTo("r-9");
        assertThat(frame.get("clientMsgId").asText()).isEqualTo("c-9");
        assertThat(frame.get("code").asText()).isEqualTo("not_member");
        assertThat(frame.get("message").asText()).isEqualTo("You are not a member of general");
        assertThat(frame.get("conversationId").asText()).isEqualTo("general");
    }

    @Test
    void shouldLeaveOutAbsentIdsOfRejection() throws Exception {
        var notice = Samples.notice(new Rejection("not_found", "No such conversation")).build();

        JsonNode frame = json(single(routeEncoded(Topics.NOTICES, notice)));

        assertThat(frame.has("id")).isFalse();
        assertThat(frame.has("clientMsgId")).isFalse();
        assertThat(frame.has("conversationId")).isFalse();
        assertThat(frame.get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void shouldSendJoinedAsConversationFrameToUser() throws Exception {
        var notice = Samples.notice(new Joined(Samples.conversation("Team"))).setConversationId("general").build();

        Publication publication = (Publication) routeEncoded(Topics.NOTICES, notice).getFirst();

        assertThat(publication.channel()).isEqualTo("sb:user:bob");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("conversation");
        assertThat(frame.get("conversationId").asText()).isEqualTo("general");
        assertThat(frame.get("title").asText()).isEqualTo("Team");
        assertThat(frame.get("members")).extracting(JsonNode::asText).containsExactly("alice", "bob");
    }

    @Test
    void shouldTellTheConversationWhoJoinedIt() throws Exception {
        var notice = Samples.notice(new Joined(Samples.conversation("Team"))).setConversationId("general").build();

        List<RedisWrite> writes = routeEncoded(Topics.NOTICES, notice);

        assertThat(writes).hasSize(2);
        Publication toConversation = (Publication) writes.get(1);
        assertThat(toConversation.channel()).isEqualTo("sb:conv:general");
        JsonNode frame = json(toConversation);
        assertThat(frame.get("type").asText()).isEqualTo("joined");
        assertThat(frame.get("conversationId").asText()).isEqualTo("general");
        assertThat(frame.get("userId").asText()).isEqualTo("bob");
        assertThat(frame.has("members")).as("only the newcomer, however large the group").isFalse();
    }

    @Test
    void shouldSendNullTitleOfDirectConversation() throws Exception {
        var notice = Samples.notice(new Joined(Samples.conversation(null))).build();

        JsonNode frame = json((Publication) routeEncoded(Topics.NOTICES, notice).getFirst());

        assertThat(frame.get("title").isNull()).isTrue();
    }

    @Test
    void shouldSendRedeliveryAsMessageFrameToSenderOnlyWithoutSeqMark() throws Exception {
        var notice = Samples.notice(new Redelivery(Samples.message("general", 5))).setClientMsgId("c-5").build();

        Publication publication = single(routeEncoded(Topics.NOTICES, notice));

        assertThat(publication.channel()).isEqualTo("sb:user:bob");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("message");
        assertThat(frame.get("conversationId").asText()).isEqualTo("general");
        assertThat(frame.get("seq").asLong()).isEqualTo(5);
        assertThat(frame.get("clientMsgId").asText()).isEqualTo("c-5");
    }

    @Test
    void shouldRouteTombstoneToNothing() {
        assertThat(router.route(Topics.PRESENCE.name(), null)).isEmpty();
    }

    @Test
    void shouldRejectUndecodableBytes() {
        assertThatThrownBy(() -> router.route(Topics.MESSAGES.name(), new byte[] {1, 2, 3}))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void shouldRejectRecordOfAnotherTopicSchema() {
        byte[] cursor = Topics.READ_CURSORS.serializeValue(Samples.cursor());

        assertThatThrownBy(() -> router.route(Topics.MESSAGES.name(), cursor))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void shouldPublishAReactionFrameInsteadOfTheMessageWhenTheVersionIsAReaction() throws Exception {
        MessageEvent reacted = MessageEvent.newBuilder(Samples.message("general", 3)).setVersion(2)
                .setReactions(List.of(new ReactionGroup("👍", List.of("bob"))))
                .setReaction(new ReactionChange("bob", "👍", true)).build();

        List<RedisWrite> writes = routeEncoded(Topics.MESSAGES, reacted);

        assertThat(writes).hasSize(2);
        Publication publication = (Publication) writes.getFirst();
        assertThat(publication.channel()).isEqualTo("sb:conv:general");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("reaction");
        assertThat(frame.get("seq").asLong()).isEqualTo(3);
        assertThat(frame.get("userId").asText()).isEqualTo("bob");
        assertThat(frame.get("emoji").asText()).isEqualTo("👍");
        assertThat(frame.get("active").asBoolean()).isTrue();
    }

    @Test
    void shouldSendMentionFramesToMentionedMembersButTheSenderWhenANewMessageMentionsThem() throws Exception {
        MessageEvent mentioning = MessageEvent.newBuilder(Samples.message("general", 3))
                .setMentions(List.of("bob", "alice", "carol")).setReplyTo(1L).build();

        List<RedisWrite> writes = routeEncoded(Topics.MESSAGES, mentioning);

        assertThat(writes).hasSize(4);
        JsonNode message = json((Publication) writes.getFirst());
        assertThat(message.get("replyTo").asLong()).isEqualTo(1);
        assertThat(message.get("replyCount").asInt()).isZero();
        assertThat(message.get("mentions")).extracting(JsonNode::asText).containsExactly("bob", "alice", "carol");
        assertThat(message.get("reactions").isObject()).isTrue();
        assertThat(writes.subList(2, 4)).extracting(w -> ((Publication) w).channel())
                .containsExactly("sb:user:bob", "sb:user:carol");
        JsonNode mention = json((Publication) writes.get(2));
        assertThat(mention.get("type").asText()).isEqualTo("mention");
        assertThat(mention.get("conversationId").asText()).isEqualTo("general");
        assertThat(mention.get("seq").asLong()).isEqualTo(3);
        assertThat(mention.get("senderId").asText()).isEqualTo("alice");
    }

    @Test
    void shouldNotMentionAgainWhenAMentioningMessageIsEdited() throws Exception {
        MessageEvent edited = MessageEvent.newBuilder(Samples.edited("general", 3)).setMentions(List.of("bob")).build();

        assertThat(routeEncoded(Topics.MESSAGES, edited)).hasSize(2);
    }

    @Test
    void shouldPublishTheNewMembersToTheConversationWhenSomeoneLeft() throws Exception {
        Publication publication = single(routeEncoded(Topics.NOTICES,
                Samples.notice(new Left(Samples.conversation("Team"))).setUserId("carol").build()));

        assertThat(publication.channel()).isEqualTo("sb:conv:general");
        JsonNode frame = json(publication);
        assertThat(frame.get("type").asText()).isEqualTo("conversation");
        assertThat(frame.get("members")).isNotEmpty();
    }

    private <V> List<RedisWrite> routeEncoded(Topic<String, V> topic, V value) {
        return router.route(topic.name(), topic.serializeValue(value));
    }

    private static Publication single(List<RedisWrite> writes) {
        assertThat(writes).hasSize(1);
        return (Publication) writes.getFirst();
    }

    private static JsonNode json(Publication publication) throws Exception {
        return Frames.JSON.readTree(publication.payload());
    }
}
