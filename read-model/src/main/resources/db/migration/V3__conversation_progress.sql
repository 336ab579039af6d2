-- How far the sink has written each conversation's messages-topic records: the position after the newest
-- one stored. The relay publishes the same position to Redis as it delivers live (sb:pubat:<id>), so
-- history and resume can wait until PostgreSQL holds what a client has already seen, edits included.
-- Only moves up; rebuilt by replay like every other row.
CREATE TABLE conversation_progress (
    conversation_id text   PRIMARY KEY,
    stored_offset   bigint NOT NULL
);
