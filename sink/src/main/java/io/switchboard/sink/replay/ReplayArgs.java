package io.switchboard.sink.replay;

import io.switchboard.readmodel.SchemaName;
import java.util.Optional;

/**
 * The command line of {@link ReplayMain}.
 *
 * @param schema replay: the target schema; verify: the schema checked. Empty: the default for the command
 */
public record ReplayArgs(Command command, Optional<String> schema, boolean switchIn, int rounds) {
    public static final String USAGE = """
            usage: replay [--target SCHEMA] [--no-switch]
                     Rebuild the read model from the output topics into SCHEMA (default: <SB_PG_SCHEMA>_rebuild),
                     resuming an interrupted replay, then switch it in as SB_PG_SCHEMA in one transaction.
                   verify [--schema SCHEMA] [--rounds N]
                     Compare sb.messages with SCHEMA's messages table (default: SB_PG_SCHEMA) per conversation;
                     a difference must persist for N rounds (default 3) to count. Exit 1 on a difference.
            Kafka and PostgreSQL come from SB_KAFKA_BOOTSTRAP, SB_PG_URL, SB_PG_USER, SB_PG_PASSWORD, SB_PG_SCHEMA.""";

    public enum Command { REPLAY, VERIFY }

    public ReplayArgs {
        schema.ifPresent(s -> SchemaName.require(s, "schema"));
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
    }

    /** @throws IllegalArgumentException with what is wrong, for the usage message */
    public static ReplayArgs parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        Command command = switch (args[0]) {
            case "replay" -> Command.REPLAY;
            case "verify" -> Command.VERIFY;
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        Optional<String> schema = Optional.empty();
        boolean switchIn = true;
        int rounds = 3;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (command == Command.REPLAY && option.equals("--target")) {
                schema = Optional.of(value(args, ++i, option));
            } else if (command == Command.REPLAY && option.equals("--no-switch")) {
                switchIn = false;
            } else if (command == Command.VERIFY && option.equals("--schema")) {
                schema = Optional.of(value(args, ++i, option));
            } else if (command == Command.VERIFY && option.equals("--rounds")) {
                rounds = parseRounds(value(args, ++i, option));
            } else {
                throw new IllegalArgumentException("unknown option " + option + " for " + args[0]);
            }
        }
        return new ReplayArgs(command, schema, switchIn, rounds);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parseRounds(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rounds must be a number, was " + value);
        }
    }
}
