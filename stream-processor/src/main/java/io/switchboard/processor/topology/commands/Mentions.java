package io.switchboard.processor.topology.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The members a text names as {@code @userId} (contract 1.1, {@code mentions}): in order of first
 * mention, each once, only members. A pure function of the text and the member set, so a re-run of
 * the command finds the same mentions.
 */
final class Mentions {
    /** A userId is 1..64 of [A-Za-z0-9_.-]; the @ must not follow a word character (no e-mail addresses). */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.-])@([A-Za-z0-9_.-]{1,64})");

    private Mentions() {
    }

    static List<String> in(String text, Set<String> members) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group(1);
            // "@bob." ends a sentence: a trailing dot or dash belongs to the text unless it is in the id.
            while (!members.contains(candidate) && !candidate.isEmpty()
                    && (candidate.endsWith(".") || candidate.endsWith("-"))) {
                candidate = candidate.substring(0, candidate.length() - 1);
            }
            if (members.contains(candidate)) {
                found.add(candidate);
            }
        }
        return new ArrayList<>(found);
    }
}
