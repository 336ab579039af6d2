package io.switchboard.processor.topology;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.SessionKind;
import io.switchboard.schemas.avro.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A realistic mixed input, built once so both runs of a replay get the very same records (commandIds
 * are random): creates, adds, sends with resent clientMsgIds, edits, deletes, reads, typing, every kind
 * of rejection, session events and a poison record. Record timestamps count up, as producers give them.
 */
final class ReplayScript {
    private final List<Consumer<TopologyFixture>> steps = new ArrayList<>();
    private final List<Consumer<TopologyFixture>> globalSteps = new ArrayList<>();
    private Instant at;

    ReplayScript(Instant start) {
        this.at = start;
    }

    static ReplayScript prefix(Instant start) {
        ReplayScript script = new ReplayScript(start);
        script.user(new User("carol", "Carol Profile", 1L));
        script.session(new SessionEvent("alice", "s-a", "node-a", SessionKind.CONNECT, 10L));
        script.command(Commands.create("team", "alice", "Team", false, "bob"));
        script.command(Commands.create("dm", "alice", null, true, "bob"));
        script.command(named(Commands.send("team", "alice", "a1", "hello"), "Alice"));
        script.command(named(Commands.send("team", "bob", "b1", "hi"), "Bob"));
        script.command(named(Commands.send("dm", "bob", "b2", "psst"), "Bob"));
        script.command(Commands.read("team", "bob", 1L));
        script.session(new SessionEvent("bob", "s-b", "node-b", SessionKind.CONNECT, 20L));
        return script;
    }

    /** Runs past the dedup retention of the prefix's first send, so the purge happens inside it. */
    static ReplayScript suffix(Instant start, Instant pastRetention) {
        ReplayScript script = new ReplayScript(start);
        script.command(named(Commands.send("team", "alice", "a1", "hello"), "Alice"));
        script.command(Commands.addMember("team", "alice", "carol"));
        script.command(Commands.send("team", "carol", "c1", "carol here, no name in the token"));
        script.command(named(Commands.edit("team", "alice", 1L, "hello, edited"), "Alice"));
        script.command(Commands.edit("team", "carol", 2L, "not mine"));
        script.command(Commands.delete("team", "bob", 2L));
        script.command(Commands.delete("team", "bob", 2L));
        script.command(Commands.edit("team", "bob", 2L, "deleted already"));
        script.command(Commands.read("team", "carol", 99L));
        script.command(Commands.read("team", "bob", 1L));
        script.command(Commands.typing("team", "carol", true));
        script.command(Commands.typing("team", "mallory", true));
        script.command(Commands.send("nowhere", "alice", "n1", "void"));
        script.command(Commands.addMember("dm", "alice", "carol"));
        script.command(Commands.create("team", "bob", "Again", false));
        script.command(Commands.create("solo", "dave", null, true));
        script.command(named(Commands.reply("team", "bob", "b4", "a reply for @carol", 1L), "Bob"));
        script.command(Commands.react("team", "carol", 1L, "👍", true));
        script.command(Commands.react("team", "bob", 1L, "👍", true));
        script.command(Commands.react("team", "carol", 1L, "👍", false));
        script.command(Commands.leave("team", "carol", "carol"));
        script.misrouted("dm", Commands.send("team", "alice", "a9", "wrong key"));
        script.poison();
        script.session(new SessionEvent("carol", "s-c", "node-a", SessionKind.CONNECT, 30L));
        script.session(new SessionEvent("alice", "s-a", "node-a", SessionKind.HEARTBEAT, 40L));
        script.session(new SessionEvent("bob", "s-b", "node-b", SessionKind.DISCONNECT, 50L));
        script.at = pastRetention;
        script.command(named(Commands.send("team", "alice", "a1", "hello after a long time"), "Alice"));
        script.command(named(Commands.send("team", "bob", "b1", "hi"), "Bob"));
        script.command(named(Commands.send("team", "bob", "b3", "bye"), "Bob"));
        return script;
    }

    void applyTo(TopologyFixture fx) {
        steps.forEach(step -> step.accept(fx));
    }

    /** The sb.users records only: a restarted instance re-reads its global table from the topic. */
    void replayGlobalTo(TopologyFixture fx) {
        globalSteps.forEach(step -> step.accept(fx));
    }

    private void command(Command command) {
        Instant timestamp = tick();
        steps.add(fx -> fx.sendAt(command, timestamp));
    }

    private void misrouted(String key, Command command) {
        Instant timestamp = tick();
        steps.add(fx -> fx.commands.pipeInput(key, command, timestamp));
    }

    private void session(SessionEvent event) {
        Instant timestamp = tick();
        steps.add(fx -> fx.sessions.pipeInput(event.getUserId(), event, timestamp));
    }

    private void user(User user) {
        Instant timestamp = tick();
        Consumer<TopologyFixture> step = fx -> fx.users.pipeInput(user.getUserId(), user, timestamp);
        steps.add(step);
        globalSteps.add(step);
    }

    private void poison() {
        steps.add(fx -> fx.pipeRaw("sb.commands", "team".getBytes(StandardCharsets.UTF_8),
                "definitely not avro".getBytes(StandardCharsets.UTF_8)));
    }

    private Instant tick() {
        at = at.plusMillis(7);
        return at;
    }

    private static Command named(Command command, String name) {
        command.setSenderName(name);
        return command;
    }
}
