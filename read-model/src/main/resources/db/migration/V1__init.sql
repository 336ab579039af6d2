-- The read model. Every row is derived from a Kafka topic and carries enough (version, seq) for the
-- sink's upserts to be idempotent and order-tolerant: replaying a topic converges on the same rows.

CREATE TABLE users (
    user_id       text        PRIMARY KEY,
    display_name  text        NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE conversations (
    conversation_id text        PRIMARY KEY,
    title           text,
    direct          boolean     NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer     NOT NULL
);

-- Membership only grows in contract v1, so rows are inserted and never deleted.
CREATE TABLE conversation_members (
    conversation_id text NOT NULL,
    user_id         text NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_by_user ON conversation_members (user_id, conversation_id);

-- One row per message holding its newest version; an older version arriving late never wins.
CREATE TABLE messages (
    conversation_id text        NOT NULL,
    seq             bigint      NOT NULL,
    message_id      text        NOT NULL,
    sender_id       text        NOT NULL,
    sender_name     text        NOT NULL,
    client_msg_id   text        NOT NULL,
    body            text        NOT NULL,
    sent_at         timestamptz NOT NULL,
    version         integer     NOT NULL,
    edited_at       timestamptz,
    deleted         boolean     NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

-- Cursors only move up: the upsert keeps the greater seq.
CREATE TABLE read_cursors (
    conversation_id text        NOT NULL,
    user_id         text        NOT NULL,
    seq             bigint      NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);

CREATE TABLE presence (
    user_id    text        PRIMARY KEY,
    status     text        NOT NULL CHECK (status IN ('online', 'offline')),
    last_seen  timestamptz NOT NULL
);
