-- Search of several words, and of one word, asked "as typed first" (storage/search.py
-- `exact_first`: a last word of four letters or more), read once. `search_posted`
-- (migration 017) counted the words' matches in every block (`search_blocks_count`),
-- then, when they were enough, read the same blocks again to list the newest; one word
-- was counted in its postings, then read again. Now `search_blocks_enough` lists the
-- newest `wanted` when the blocks hold that many and nothing otherwise (one read of the
-- words' blocks, the count a window over the same rows), and one word's newest postings
-- are read once into an array. Answers unchanged (tests/storage/test_search_*). Measured
-- in docs/BENCHMARKS.md ("migration 019").

-- `search_blocks` (migration 017), answering nothing unless the ranges' matches number
-- `wanted` or more.
CREATE OR REPLACE FUNCTION search_blocks_enough(lo text[], hi text[], wanted integer) RETURNS SETOF bigint
STABLE LANGUAGE plpgsql
SET jit = off SET enable_seqscan = off SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
    RETURN QUERY
    WITH matched AS (
        SELECT g.block, bit_and(g.bits) AS bits FROM (
            SELECT q.i, s.block, bit_or(s.bits) AS bits
            FROM unnest(lo, hi) WITH ORDINALITY AS q(lo, hi, i)
            JOIN articles_search_blocks s ON s.term >= q.lo AND s.term < q.hi
            GROUP BY q.i, s.block) g
        GROUP BY g.block HAVING count(*) = cardinality(lo)
    ), counted AS (
        SELECT m.block, m.bits, bit_count(m.bits) AS here,
               (sum(bit_count(m.bits)) OVER (ORDER BY m.block DESC))::bigint
               - bit_count(m.bits) AS before,
               sum(bit_count(m.bits)) OVER () AS total
        FROM matched m
    ), kept AS MATERIALIZED (
        SELECT c.block, c.bits, c.here, least(c.here, wanted - c.before) AS need
        FROM counted c WHERE c.here > 0 AND c.before < wanted AND c.total >= wanted
    )
    SELECT x.id FROM (
        SELECT ((k.block::bigint << 12) - 1
                + sum(length(p.piece) + 1) OVER (PARTITION BY k.block ORDER BY p.ord))::bigint
                AS id
        FROM kept k, unnest(string_to_array(k.bits::text, '1')) WITH ORDINALITY AS p(piece, ord)
        WHERE k.need = k.here AND p.ord <= k.here
        UNION ALL
        SELECT (k.block::bigint << 12) + b.i
        FROM kept k, LATERAL (
            SELECT n.i FROM (SELECT generate_series(4095, 0, -1) AS i) n
            WHERE get_bit(k.bits, n.i) = 1 LIMIT k.need) b
        WHERE k.need < k.here) x
    ORDER BY x.id DESC LIMIT wanted;
END
$$;

-- `search_posted` (migration 017) with the typed words read once.
CREATE OR REPLACE FUNCTION search_posted(query text, wanted integer) RETURNS SETOF bigint
STABLE LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    parts text[] := string_to_array(query, ' ');
    mode text := parts[cardinality(parts)];
    words text[];
    terms text[];
    typed bigint[];
    plain boolean;
    lo text[];
    hi text[];
BEGIN
    IF mode IN ('*', '+') THEN
        parts := parts[1 : cardinality(parts) - 1];
    ELSE
        mode := '';
    END IF;
    IF coalesce(cardinality(parts), 0) = 0 OR wanted < 1 THEN
        RETURN;
    END IF;
    plain := NOT EXISTS (SELECT 1 FROM unnest(parts) w
                         WHERE tsvector_to_array(to_tsvector('simple', w)) <> ARRAY[w]);
    words := ARRAY(SELECT DISTINCT w FROM unnest(parts) w);
    IF NOT plain THEN
        -- migration 016's way, in windows of recency over GIN
        IF mode = '+' THEN
            terms := ARRAY(SELECT w.id FROM search_window(search_tsquery(words, false), wanted) AS w(id));
            IF cardinality(terms) >= wanted THEN
                RETURN QUERY SELECT unnest(terms)::bigint;
                RETURN;
            END IF;
        END IF;
        IF mode <> '' THEN
            words := ARRAY(SELECT DISTINCT w FROM unnest(parts[1 : cardinality(parts) - 1]) w)
                     || parts[cardinality(parts)];
        END IF;
        RETURN QUERY SELECT w.id FROM search_window(search_tsquery(words, mode <> ''), wanted) AS w(id);
        RETURN;
    END IF;
    IF mode = '+' THEN
        -- as typed first: when they fill `wanted`, that is the answer (read once)
        IF cardinality(words) = 1 THEN
            typed := ARRAY(SELECT p.article_id FROM articles_search_postings p
                           WHERE p.term = words[1] ORDER BY p.article_id DESC LIMIT wanted);
            IF cardinality(typed) >= wanted THEN
                RETURN QUERY SELECT unnest(typed);
                RETURN;
            END IF;
        ELSE
            SELECT r.lo, r.hi INTO lo, hi FROM search_ranges(words, false) r;
            RETURN QUERY SELECT b.id FROM search_blocks_enough(lo, hi, wanted) AS b(id);
            IF FOUND THEN
                RETURN;
            END IF;
        END IF;
        mode := '*';
    END IF;
    IF mode = '' THEN
        IF cardinality(words) = 1 THEN
            RETURN QUERY SELECT p.article_id FROM articles_search_postings p
                WHERE p.term = words[1] ORDER BY p.article_id DESC LIMIT wanted;
            RETURN;
        END IF;
        SELECT r.lo, r.hi INTO lo, hi FROM search_ranges(words, false) r;
        RETURN QUERY SELECT b.id FROM search_blocks(lo, hi, wanted) AS b(id);
        RETURN;
    END IF;
    -- the last word is a prefix: it stays last, the others are whole words
    words := ARRAY(SELECT DISTINCT w FROM unnest(parts[1 : cardinality(parts) - 1]) w)
             || parts[cardinality(parts)];
    IF cardinality(words) = 1 AND length(words[1]) >= 4 THEN
        -- (three letters or fewer have a key of their own in the blocks)
        terms := search_prefix_terms(words[1], 9);
        IF cardinality(terms) <= 8 THEN
            RETURN QUERY SELECT DISTINCT x.article_id FROM unnest(terms) AS t(term),
                LATERAL (SELECT p.article_id FROM articles_search_postings p
                         WHERE p.term = t.term ORDER BY p.article_id DESC LIMIT wanted) x
                ORDER BY 1 DESC LIMIT wanted;
            RETURN;
        END IF;
    END IF;
    SELECT r.lo, r.hi INTO lo, hi FROM search_ranges(words, true) r;
    RETURN QUERY SELECT b.id FROM search_blocks(lo, hi, wanted) AS b(id);
END
$$;

-- The readers' connections keep one generic plan per statement (storage/postgres.py
-- `pool`), the plans of functions included. `search_window` picks each window's way in
-- (the primary key for a narrow range of ids, GIN for a wide one) from the range it is
-- given, so its plans stay made for their values.
ALTER FUNCTION search_window(tsquery, integer) SET plan_cache_mode = force_custom_plan;
