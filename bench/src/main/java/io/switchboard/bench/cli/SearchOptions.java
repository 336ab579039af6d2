package io.switchboard.bench.cli;

import java.util.Map;

/**
 * The search scenario: a scratch read-model schema (the sink's migrations) filled with {@code messages}
 * rows over {@code conversations}, the searching user a member of every other one, then {@code queries}
 * two-word searches timed as ingress runs them.
 *
 * @param keepSchema leave the scratch schema for inspection instead of dropping it
 */
public record SearchOptions(StoreOptions store, int messages, int conversations, int queries, int vocabulary,
                            boolean keepSchema) {
    public SearchOptions {
        LoadOptions.require(store != null, "store options are required");
        LoadOptions.require(messages >= 1, "--messages must be at least 1, was " + messages);
        LoadOptions.require(conversations >= 2, "--conversations must be at least 2, was " + conversations);
        LoadOptions.require(queries >= 1, "--queries must be at least 1, was " + queries);
        LoadOptions.require(vocabulary >= 10, "--vocabulary must be at least 10, was " + vocabulary);
    }

    public static SearchOptions from(Args args, Map<String, String> env) {
        String keep = args.string("keep-schema", "false");
        LoadOptions.require(keep.equals("true") || keep.equals("false"), "--keep-schema must be true or false");
        return new SearchOptions(StoreOptions.from(args, env), args.integer("messages", 1_000_000),
                args.integer("conversations", 200), args.integer("queries", 1_000),
                args.integer("vocabulary", 5_000), Boolean.parseBoolean(keep));
    }
}
