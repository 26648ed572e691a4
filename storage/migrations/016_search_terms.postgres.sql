-- Search from posting lists (storage/search.py). GIN finds every story holding a word, but
-- each match is then read from the table to be sorted by id: the newest 400 stories of a
-- word cost 400-650 reads of wide rows (one word: p50 6.3 ms, p99 8.6-100 ms at 200,000
-- stories, depending on load). Here every word of every story is one row of
-- `articles_search_postings`, keyed (term, article_id): a word's newest stories are one
-- index range read backwards, as many entries as stories kept (p50 2.3 ms, p99 3.7 ms,
-- round trip and dates included). `search_posted` answers one word and a prefix alone
-- that starts few terms so; several words and common prefixes still go to
-- `search_window` (migration 015), where GIN intersects them inside its index.
-- The rows are kept by statement triggers on `articles_search` (written by
-- storage/search.py `index_story` and by `domestique db copy`), so nothing that writes
-- stories changes. Costs at 200,000 stories: 17 million rows, 1.3 GB (the database grows
-- from 0.7 to 2.0 GB), 85 s to build here, a stored story 1.5 ms slower (1.5 to 2.9 ms).
-- C collation: a prefix is a range of terms.

CREATE TABLE articles_search_postings (
    term       TEXT COLLATE "C" NOT NULL,
    article_id BIGINT NOT NULL
);

INSERT INTO articles_search_postings (term, article_id)
SELECT t.term, s.article_id FROM articles_search s, unnest(tsvector_to_array(s.words)) AS t(term);
-- The key built once over the rows (faster than row by row).
ALTER TABLE articles_search_postings ADD PRIMARY KEY (term, article_id);

CREATE FUNCTION articles_search_postings_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_search_postings (term, article_id)
    SELECT t.term, n.article_id FROM new_rows n, unnest(tsvector_to_array(n.words)) AS t(term)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION articles_search_postings_drop() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM articles_search_postings p
    USING (SELECT t.term, o.article_id FROM old_rows o,
           unnest(tsvector_to_array(o.words)) AS t(term)) gone
    WHERE p.term = gone.term AND p.article_id = gone.article_id;
    RETURN NULL;
END
$$;

CREATE FUNCTION articles_search_postings_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM articles_search_postings p
    USING (SELECT t.term, o.article_id FROM old_rows o,
           unnest(tsvector_to_array(o.words)) AS t(term)) gone
    WHERE p.term = gone.term AND p.article_id = gone.article_id;
    INSERT INTO articles_search_postings (term, article_id)
    SELECT t.term, n.article_id FROM new_rows n, unnest(tsvector_to_array(n.words)) AS t(term)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_search_postings_insert AFTER INSERT ON articles_search
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_search_postings_add();
CREATE TRIGGER articles_search_postings_delete AFTER DELETE ON articles_search
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_search_postings_drop();
CREATE TRIGGER articles_search_postings_update AFTER UPDATE ON articles_search
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_search_postings_change();

-- Up to `most` distinct terms starting with `prefix`, each found by one index descent
-- (the table holds a row per story and term: reading the range would read them all).
CREATE FUNCTION search_prefix_terms(prefix text, most integer) RETURNS text[]
STABLE LANGUAGE plpgsql
AS $$
DECLARE
    top text := prefix || chr(1114111);
    next_term text;
    found text[] := '{}';
BEGIN
    SELECT min(p.term) INTO next_term FROM articles_search_postings p
        WHERE p.term >= prefix COLLATE "C" AND p.term < top COLLATE "C";
    WHILE next_term IS NOT NULL AND cardinality(found) < most LOOP
        found := found || next_term;
        SELECT min(p.term) INTO next_term FROM articles_search_postings p
            WHERE p.term > next_term AND p.term < top COLLATE "C";
    END LOOP;
    RETURN found;
END
$$;

-- The ids of the newest `wanted` stories a search matches, newest first. The search as
-- storage/search.py writes it: folded words one space apart, then `*` when the last is
-- also a prefix, or `+` when the words as typed are asked first and the prefix only when
-- they match fewer than `wanted` stories.
--
-- One word: its newest postings, read backwards (`wanted` index entries). A prefix alone
-- of three letters or more that starts up to 8 terms: the newest `wanted` postings of
-- each. Several words, or a
-- prefix starting more terms (a common one), are searched in windows of recency over GIN
-- (`search_window`, migration 015), which intersects them in its index and reads only
-- the window's matches. A word the database's parser would split further (its locale)
-- takes the tsquery's way too.
CREATE FUNCTION search_posted(query text, wanted integer) RETURNS SETOF bigint
STABLE LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    parts text[] := string_to_array(query, ' ');
    mode text := parts[cardinality(parts)];
    words text[];
    terms text[];
    found integer;
BEGIN
    IF mode IN ('*', '+') THEN
        parts := parts[1 : cardinality(parts) - 1];
    ELSE
        mode := '';
    END IF;
    IF coalesce(cardinality(parts), 0) = 0 OR wanted < 1 THEN
        RETURN;
    END IF;
    words := ARRAY(SELECT DISTINCT w FROM unnest(parts) w);
    IF mode = '+' THEN
        -- as typed first: when they fill `wanted`, that is the answer
        IF cardinality(words) = 1
           AND tsvector_to_array(to_tsvector('simple', words[1])) = words THEN
            SELECT count(*) INTO found FROM (
                SELECT 1 FROM articles_search_postings p WHERE p.term = words[1] LIMIT wanted
            ) typed;
            IF found >= wanted THEN
                RETURN QUERY SELECT p.article_id FROM articles_search_postings p
                    WHERE p.term = words[1] ORDER BY p.article_id DESC LIMIT wanted;
                RETURN;
            END IF;
        ELSE
            terms := ARRAY(SELECT w.id FROM search_window(search_tsquery(words, false), wanted) AS w(id));
            IF cardinality(terms) >= wanted THEN
                RETURN QUERY SELECT unnest(terms)::bigint;
                RETURN;
            END IF;
        END IF;
        mode := '*';
    END IF;
    IF mode = '' THEN
        IF cardinality(words) = 1
           AND tsvector_to_array(to_tsvector('simple', words[1])) = words THEN
            RETURN QUERY SELECT p.article_id FROM articles_search_postings p
                WHERE p.term = words[1] ORDER BY p.article_id DESC LIMIT wanted;
            RETURN;
        END IF;
        RETURN QUERY SELECT w.id FROM search_window(search_tsquery(words, false), wanted) AS w(id);
        RETURN;
    END IF;
    -- the last word is a prefix: it stays last, the others are whole words
    words := ARRAY(SELECT DISTINCT w FROM unnest(parts[1 : cardinality(parts) - 1]) w)
             || parts[cardinality(parts)];
    IF cardinality(words) = 1 AND length(words[1]) >= 3 THEN
        -- (one or two letters start far more than 8 terms in any news: not looked up)
        terms := search_prefix_terms(words[1], 9);
        IF cardinality(terms) <= 8
           AND tsvector_to_array(to_tsvector('simple', words[1])) = words THEN
            RETURN QUERY SELECT DISTINCT x.article_id FROM unnest(terms) AS t(term),
                LATERAL (SELECT p.article_id FROM articles_search_postings p
                         WHERE p.term = t.term ORDER BY p.article_id DESC LIMIT wanted) x
                ORDER BY 1 DESC LIMIT wanted;
            RETURN;
        END IF;
    END IF;
    RETURN QUERY SELECT w.id FROM search_window(search_tsquery(words, true), wanted) AS w(id);
END
$$;

-- A search's words as the tsquery of `search_window`: every word, the last also as a
-- prefix when `prefix`.
CREATE FUNCTION search_tsquery(words text[], prefix boolean) RETURNS tsquery
IMMUTABLE PARALLEL SAFE LANGUAGE sql
AS $$
    SELECT to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(w) FROM unnest(words) w), ' & ')
                      || CASE WHEN prefix THEN ':*' ELSE '' END)
$$;
