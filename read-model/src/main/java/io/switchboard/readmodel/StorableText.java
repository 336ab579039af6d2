package io.switchboard.readmodel;

/**
 * Text as PostgreSQL can hold it. Ingress refuses U+0000 and unpaired surrogates, but a record that carries
 * them anyway (an older build, another producer, a field nobody checked) was already acked and delivered
 * live: refusing its row would dead-letter a message its sender saw accepted, and leave it missing from
 * history and resume. So each such character becomes U+FFFD, the mark for "could not be represented".
 */
public final class StorableText {
    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** The text with every U+0000 and every half of a surrogate pair replaced; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                // Copied only from the first bad character on: the common case allocates nothing.
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
