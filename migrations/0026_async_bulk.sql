-- Magento_AsynchronousOperations' bulk and operation tables (etc/db_schema.xml): what
-- `POST /rest/<store>/async/V1/...` and `/async/bulk/V1/...` schedule, and what
-- `GET /V1/bulk/{uuid}/...` reports. magemu runs each operation right after the request
-- that scheduled it answered (see src/bulk).
CREATE TABLE magento_bulk (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    user_id         INTEGER,
    user_type       INTEGER,
    description     TEXT,
    operation_count INTEGER NOT NULL,
    start_time      TEXT NOT NULL
);
CREATE TABLE magento_operation (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    bulk_uuid              TEXT NOT NULL REFERENCES magento_bulk(uuid) ON DELETE CASCADE,
    -- The entry's position in the request (`request_items[].id`).
    operation_key          INTEGER NOT NULL,
    topic_name             TEXT NOT NULL,
    serialized_data        TEXT,
    result_serialized_data TEXT,
    status                 INTEGER NOT NULL,
    error_code             INTEGER,
    result_message         TEXT,
    started_at             TEXT,
    -- What magemu replays: the method, the synchronous path and the entry's body.
    http_method            TEXT NOT NULL,
    sync_path              TEXT NOT NULL,
    body                   TEXT NOT NULL,
    UNIQUE (bulk_uuid, operation_key)
);
