-- Contract 1.1: replies, reactions, mentions and full-text search live on the message row, which still
-- holds the newest version only (every reaction and reply count is a new version of its message).

ALTER TABLE messages
    ADD COLUMN reply_to    bigint,
    ADD COLUMN reply_count integer NOT NULL DEFAULT 0,
    ADD COLUMN mentions    text[]  NOT NULL DEFAULT '{}',
    -- [{"emoji": "...", "userIds": ["..."]}, ...]: an array, so emoji order survives (jsonb objects sort keys).
    ADD COLUMN reactions   jsonb   NOT NULL DEFAULT '[]';

-- Derived from the newest text by PostgreSQL itself, so a replay rebuilds it with the row; 'simple'
-- (no stemming, no stop words) matches the words as typed in any language. A deleted message's text is
-- empty, so it never matches; the query also says deleted = false.
ALTER TABLE messages
    ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
CREATE INDEX messages_search ON messages USING gin (search);

-- Thread pages: the replies of one parent, oldest first.
CREATE INDEX messages_replies ON messages (conversation_id, reply_to, seq) WHERE reply_to IS NOT NULL;

-- Mention counts per user: the unread messages naming them.
CREATE INDEX messages_mentions ON messages USING gin (mentions);
