-- Subscriptions, follows, fan settings, the outbox and notices (delivery).
-- Placeholder until the delivery tables land; kept so later migrations stay numbered.
SELECT 1;
