-- When the earliest send of an outbox row whose outcome is unknown began (the answer was
-- lost, or the bot stopped before recording it). Discord deduplicates a resend by its
-- nonce only for a few minutes, and forum posts take none: past that, the delivery
-- worker looks for the post before sending it again. NULL once the row is settled.
ALTER TABLE outbox ADD COLUMN attempted_at REAL;
