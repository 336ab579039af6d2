package io.switchboard.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reading arrays of the contract's JSON as lists. */
final class Texts {
    private Texts() {
    }

    static List<String> of(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<String> of(Iterable<String> names) {
        return StreamSupport.stream(names.spliterator(), false).toList();
    }

    static List<JsonNode> nodes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
