package io.switchboard.schemas.live;

/** Redis URLs as logs and config dumps may show them: the credentials replaced, everything else kept. */
public final class RedisUrls {
    private RedisUrls() {
    }

    /** {@code redis://user:secret@host:6379/0} becomes {@code redis://***@host:6379/0}; no credentials, unchanged. */
    public static String redacted(String url) {
        if (url == null) {
            return "null";
        }
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        return url.substring(0, scheme + 3) + "***" + url.substring(at);
    }
}
