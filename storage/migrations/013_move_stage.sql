-- The rumour ladder: how far along the story says a move is (rumour, talks, agreed,
-- announced, denied), shown by /transfers. NULL for moves stored before it was read.
ALTER TABLE moves ADD COLUMN stage TEXT;
