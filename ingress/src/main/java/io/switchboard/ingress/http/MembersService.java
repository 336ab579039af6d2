package io.switchboard.ingress.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.store.ReadModel.ConversationView;
import io.switchboard.schemas.avro.AddMember;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.RemoveMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/conversations/{id}/members}: a member adds someone. Checked here first (the topology
 * checks again), so the caller gets a precise error instead of a silent rejection: the caller must be a
 * member, the conversation a group below the create limit of members, the user one the system knows.
 */
public final class MembersService implements HttpService {
    private static final Logger LOGGER = LoggerFactory.getLogger(MembersService.class);

    private final ApiContext api;

    public MembersService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/members", this::add);
        rules.delete("/{id}/members/{userId}", this::leave);
    }

    /**
     * Leaving: only for oneself and never a direct conversation, both 403. Answers once PostgreSQL no
     * longer lists the caller (at most the write wait), so their next conversation list leaves it out.
     */
    private void leave(ServerRequest req, ServerResponse res) {
        Principal caller = api.writer(req);
        String conversationId = Params.conversationId(req);
        String userId = req.path().pathParameters().first("userId").orElse("");
        if (!Ids.valid(userId)) {
            throw ApiError.badRequest("userId must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        if (!userId.equals(caller.userId())) {
            throw ApiError.forbidden("Only " + userId + " may take themself out of a conversation");
        }
        ConversationView conversation = api.readModel().conversation(conversationId)
                .orElseThrow(() -> ApiError.notFound("No conversation " + conversationId));
        if (!conversation.members().contains(caller.userId())) {
            throw ApiError.notMember(conversationId);
        }
        if (conversation.direct()) {
            throw ApiError.forbidden("A direct conversation cannot be left");
        }
        Command command = api.command(caller, conversationId, new RemoveMember(userId));
        api.publish(() -> api.publisher().publish(command), userId + " leaves " + conversationId);
        if (!api.readModel().awaitNotMember(conversationId, userId, api.writeWait())) {
            LOGGER.atWarn().addKeyValue("conversationId", conversationId).addKeyValue("userId", userId)
                    .addKeyValue("waited", api.writeWait()).log("Leave not visible in time");
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void add(ServerRequest req, ServerResponse res) {
        Principal caller = api.writer(req);
        String conversationId = Params.conversationId(req);
        String userId = Json.id(Json.readObject(req), "userId");
        ConversationView conversation = api.readModel().conversation(conversationId)
                .orElseThrow(() -> ApiError.notFound("No conversation " + conversationId));
        if (!conversation.members().contains(caller.userId())) {
            throw ApiError.notMember(conversationId);
        }
        if (conversation.direct()) {
            throw ApiError.forbidden("A direct conversation keeps its two members");
        }
        if (!conversation.members().contains(userId)) {
            if (conversation.members().size() >= ConversationsService.MAX_MEMBERS) {
                throw ApiError.forbidden("A conversation has at most " + ConversationsService.MAX_MEMBERS + " members");
            }
            if (!api.readModel().awaitUser(userId, api.writeWait())) {
                throw ApiError.notFound("No user " + userId + ": they have never signed in");
            }
            Command command = api.command(caller, conversationId, new AddMember(userId));
            api.publish(() -> api.publisher().publish(command), "add " + userId + " to " + conversationId);
            if (!api.readModel().awaitMember(conversationId, userId, api.writeWait())) {
                LOGGER.atWarn().addKeyValue("conversationId", conversationId).addKeyValue("userId", userId)
                        .addKeyValue("waited", api.writeWait()).log("Member not visible in time");
            }
        }
        res.status(Status.NO_CONTENT_204).send();
    }
}
