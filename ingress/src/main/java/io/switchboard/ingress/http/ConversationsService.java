package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.store.ReadModel.ConversationView;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.CreateConversation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/conversations}: create one (201 once PostgreSQL shows it) and list the caller's. */
public final class ConversationsService implements HttpService {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConversationsService.class);
    private static final int MAX_TITLE = 200;
    /** Also the most an add may grow a conversation to (MembersService). */
    static final int MAX_MEMBERS = 1_000;

    private final ApiContext api;

    public ConversationsService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal caller = api.writer(req);
        ObjectNode body = Json.readObject(req);
        List<String> members = members(caller.userId(), body.get("members"));
        String title = Json.optionalText(body, "title", MAX_TITLE);
        boolean direct = title == null && members.size() == 2;
        String id = direct ? Ids.direct(members.get(0), members.get(1)) : Ids.group();
        // A direct conversation already stored needs no command: the topology would ignore it anyway.
        if (!direct || api.readModel().conversation(id).isEmpty()) {
            Command command = api.command(caller, id, new CreateConversation(title, members, direct));
            api.publish(() -> api.publisher().publish(command), "create " + id);
            if (!api.readModel().awaitConversation(id, api.writeWait())) {
                // Durable in Kafka, so it will appear; the client just cannot read it back yet.
                LOGGER.atWarn().addKeyValue("conversationId", id).addKeyValue("waited", api.writeWait())
                        .log("Conversation not visible in time");
            }
        }
        Json.send(res, Status.CREATED_201, Json.object().put("conversationId", id).put("direct", direct));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal caller = api.caller(req);
        ArrayNode out = Json.array();
        for (ConversationView c : api.read(caller, () -> api.readModel().conversationsOf(caller.userId()))) {
            out.add(view(c));
        }
        Json.ok(res, out);
    }

    private static ObjectNode view(ConversationView c) {
        ObjectNode node = Json.object().put("conversationId", c.conversationId());
        if (c.title() == null) {
            node.putNull("title");
        } else {
            node.put("title", c.title());
        }
        ArrayNode members = node.putArray("members");
        c.members().forEach(members::add);
        return node.put("lastSeq", c.lastSeq()).put("unread", c.unread()).put("direct", c.direct())
                .put("mentions", c.mentions());
    }

    /** The caller first, then the others as given, each once. */
    private static List<String> members(String caller, JsonNode given) {
        if (given == null || !given.isArray()) {
            throw ApiError.badRequest("members must be an array of userIds");
        }
        Set<String> members = new LinkedHashSet<>();
        members.add(caller);
        for (JsonNode member : given) {
            if (!member.isTextual() || !Ids.valid(member.asText())) {
                throw ApiError.badRequest("members must be userIds of 1 to 64 characters of [A-Za-z0-9_.-]");
            }
            members.add(member.asText());
        }
        if (members.size() > MAX_MEMBERS) {
            throw ApiError.badRequest("At most " + MAX_MEMBERS + " members");
        }
        return List.copyOf(members);
    }
}
