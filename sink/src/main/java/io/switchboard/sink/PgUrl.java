package io.switchboard.sink;

import java.util.regex.Pattern;

/** The pgjdbc URL parameters the sink depends on, added to whatever SB_PG_URL says. */
final class PgUrl {
    private PgUrl() {
    }

    static String forSchema(String url, String schema, String applicationName) {
        StringBuilder out = new StringBuilder(url);
        // Defaults an operator may override in SB_PG_URL: without a socket timeout a half-open
        // connection after a failover would hang a batch forever instead of failing into a retry.
        appendIfAbsent(out, "socketTimeout", "60");
        appendIfAbsent(out, "ApplicationName", applicationName);
        // Required: appended last because pgjdbc lets the last occurrence of a parameter win.
        append(out, "currentSchema", schema);
        append(out, "reWriteBatchedInserts", "true");
        return out.toString();
    }

    private static void appendIfAbsent(StringBuilder url, String key, String value) {
        if (!Pattern.compile("[?&]" + key + "=").matcher(url).find()) {
            append(url, key, value);
        }
    }

    private static void append(StringBuilder url, String key, String value) {
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(key).append('=').append(value);
    }
}
