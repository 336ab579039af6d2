package io.switchboard.bench.cli;

import java.util.Map;

/**
 * The replay scenario rebuilds the read model from the output topics into a scratch schema, never switched in.
 *
 * @param seedRows   messages written to sb.messages first, so there is history to replay (0: replay what is there)
 * @param keepSchema leave the scratch schema for inspection instead of dropping it
 */
public record ReplayOptions(StoreOptions store, int seedRows, int conversations, boolean keepSchema) {
    public ReplayOptions {
        LoadOptions.require(store != null, "store options are required");
        LoadOptions.require(seedRows >= 0, "--seed-rows must not be negative, was " + seedRows);
        LoadOptions.require(conversations >= 1, "--conversations must be at least 1, was " + conversations);
    }

    public static ReplayOptions from(Args args, Map<String, String> env) {
        String keep = args.string("keep-schema", "false");
        LoadOptions.require(keep.equals("true") || keep.equals("false"), "--keep-schema must be true or false");
        return new ReplayOptions(StoreOptions.from(args, env), args.integer("seed-rows", 0),
                args.integer("conversations", 64), Boolean.parseBoolean(keep));
    }
}
