-- Search of several words, and of short prefixes, from bitmaps of id blocks
-- (storage/search.py). GIN intersected several words inside its index, but each match was
-- then read from `articles_search` to be rechecked and sorted (a row holding the story's
-- whole tsvector): 400 newest matches of three common words cost 11 ms at the median and
-- 41 ms at p99 at 200,000 stories, and a 2-3 letter prefix up to 9 ms. Here each term, and
-- each 1-3 letter start of a term (`st*`), has one bitmap per block of 4096 story ids:
-- bit i of block b is set when story b * 4096 + i holds it. A search ANDs its words'
-- bitmaps block by block (ORing first the terms a longer last prefix starts), counts the
-- matches of each block newest first and lists only the blocks holding the newest
-- `wanted`: per search, one index range per word, a row per block (49 at 200,000
-- stories), no story read. Kept by statement triggers on `articles_search`, like the
-- postings of migration 016; nothing that writes stories changes. Costs at 200,000
-- stories: 382,454 rows, 228 MB, 53 s to build here, a stored story some 4-5 ms slower
-- (about 240 bitmap rows updated a story). Measured in docs/BENCHMARKS.md ("migration
-- 017"): several words 6-12x faster in the server, results unchanged.

CREATE TABLE articles_search_blocks (
    term  TEXT COLLATE "C" NOT NULL,
    block INTEGER NOT NULL,
    bits  BIT VARYING NOT NULL,
    PRIMARY KEY (term, block)
);

-- What a story's term is filed under: the term, and its starts of one to three letters
-- marked `*` (a term is letters and digits only, so no term is such a key). Written out in
-- the statements below (a function here would be called once a term).

-- Built from the postings (migration 016): each term's bitmaps, then each start's as the
-- OR of its terms' (a bitmap ORed per term and block, not one per posting).
SET LOCAL work_mem = '256MB';
INSERT INTO articles_search_blocks (term, block, bits)
SELECT p.term, (p.article_id >> 12)::integer,
       bit_or(set_bit(repeat('0', 4096)::bit varying, (p.article_id & 4095)::integer, 1))
FROM articles_search_postings p
GROUP BY 1, 2;
INSERT INTO articles_search_blocks (term, block, bits)
SELECT left(b.term, g) || '*', b.block, bit_or(b.bits)
FROM articles_search_blocks b, generate_series(1, least(3, length(b.term))) g
GROUP BY 1, 2;
RESET work_mem;

CREATE FUNCTION articles_search_blocks_add() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    INSERT INTO articles_search_blocks AS b (term, block, bits)
    SELECT k.key, (n.article_id >> 12)::integer AS block,
           bit_or(set_bit(repeat('0', 4096)::bit varying, (n.article_id & 4095)::integer, 1))
               AS bits
    FROM new_rows n, unnest(tsvector_to_array(n.words)) AS t(term),
         LATERAL (SELECT CASE g WHEN 0 THEN t.term ELSE left(t.term, g) || '*' END
                  FROM generate_series(0, least(3, length(t.term))) g) AS k(key)
    GROUP BY 1, 2
    ON CONFLICT (term, block) DO UPDATE SET bits = b.bits | excluded.bits;
    RETURN NULL;
END
$$;

CREATE FUNCTION articles_search_blocks_drop() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    UPDATE articles_search_blocks b SET bits = b.bits & ~gone.bits
    FROM (SELECT k.key, (o.article_id >> 12)::integer AS block,
           bit_or(set_bit(repeat('0', 4096)::bit varying, (o.article_id & 4095)::integer, 1))
               AS bits
    FROM old_rows o, unnest(tsvector_to_array(o.words)) AS t(term),
         LATERAL (SELECT CASE g WHEN 0 THEN t.term ELSE left(t.term, g) || '*' END
                  FROM generate_series(0, least(3, length(t.term))) g) AS k(key)
    GROUP BY 1, 2) gone
    WHERE b.term = gone.key AND b.block = gone.block;
    RETURN NULL;
END
$$;

CREATE FUNCTION articles_search_blocks_change() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    UPDATE articles_search_blocks b SET bits = b.bits & ~gone.bits
    FROM (SELECT k.key, (o.article_id >> 12)::integer AS block,
           bit_or(set_bit(repeat('0', 4096)::bit varying, (o.article_id & 4095)::integer, 1))
               AS bits
    FROM old_rows o, unnest(tsvector_to_array(o.words)) AS t(term),
         LATERAL (SELECT CASE g WHEN 0 THEN t.term ELSE left(t.term, g) || '*' END
                  FROM generate_series(0, least(3, length(t.term))) g) AS k(key)
    GROUP BY 1, 2) gone
    WHERE b.term = gone.key AND b.block = gone.block;
    INSERT INTO articles_search_blocks AS b (term, block, bits)
    SELECT k.key, (n.article_id >> 12)::integer AS block,
           bit_or(set_bit(repeat('0', 4096)::bit varying, (n.article_id & 4095)::integer, 1))
               AS bits
    FROM new_rows n, unnest(tsvector_to_array(n.words)) AS t(term),
         LATERAL (SELECT CASE g WHEN 0 THEN t.term ELSE left(t.term, g) || '*' END
                  FROM generate_series(0, least(3, length(t.term))) g) AS k(key)
    GROUP BY 1, 2
    ON CONFLICT (term, block) DO UPDATE SET bits = b.bits | excluded.bits;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_search_blocks_insert AFTER INSERT ON articles_search
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_search_blocks_add();
CREATE TRIGGER articles_search_blocks_delete AFTER DELETE ON articles_search
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_search_blocks_drop();
CREATE TRIGGER articles_search_blocks_update AFTER UPDATE ON articles_search
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_search_blocks_change();

-- The ids of the newest `wanted` stories holding a term of every range [lo[i], hi[i])
-- (a word: [w, w || chr(1)); a longer prefix: every term it starts; a short one: its
-- `*` key), newest first. The blocks where every range has a bit are ANDed and counted
-- newest first, and only those holding the newest `wanted` are listed. A block needed
-- whole is listed from its bitmap as text, split at its '1's (work by the matches, not
-- the block's size); the one block needed in part is read bit by bit from its newest end
-- and stops when it has enough (a common word's block: a few hundred bits, not 4096).
-- The index is always the way in: a range's row estimate would otherwise tempt the
-- planner to read the whole table.
CREATE FUNCTION search_blocks(lo text[], hi text[], wanted integer) RETURNS SETOF bigint
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
               - bit_count(m.bits) AS before
        FROM matched m
    ), kept AS MATERIALIZED (
        SELECT c.block, c.bits, c.here, least(c.here, wanted - c.before) AS need
        FROM counted c WHERE c.here > 0 AND c.before < wanted
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

-- How many stories hold a term of every range (as `search_blocks`), counted whole.
CREATE FUNCTION search_blocks_count(lo text[], hi text[]) RETURNS bigint
STABLE LANGUAGE plpgsql
SET jit = off SET enable_seqscan = off SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
    RETURN (SELECT coalesce(sum(bit_count(m.bits)), 0) FROM (
        SELECT g.block, bit_and(g.bits) AS bits FROM (
            SELECT q.i, s.block, bit_or(s.bits) AS bits
            FROM unnest(lo, hi) WITH ORDINALITY AS q(lo, hi, i)
            JOIN articles_search_blocks s ON s.term >= q.lo AND s.term < q.hi
            GROUP BY q.i, s.block) g
        GROUP BY g.block HAVING count(*) = cardinality(lo)) m);
END
$$;

-- A search's words as `search_blocks` ranges: every word whole, the last also as a
-- prefix when `prefix`.
CREATE FUNCTION search_ranges(words text[], prefix boolean, OUT lo text[], OUT hi text[])
IMMUTABLE LANGUAGE plpgsql
AS $$
DECLARE
    n integer := cardinality(words);
BEGIN
    lo := words;
    hi := ARRAY(SELECT w || chr(1) FROM unnest(words) w);
    IF prefix AND length(words[n]) <= 3 THEN
        lo[n] := words[n] || '*';
        hi[n] := words[n] || '*' || chr(1);
    ELSIF prefix THEN
        hi[n] := words[n] || chr(1114111);
    END IF;
END
$$;

-- `search_posted` (migration 016) with several words and short or common prefixes read
-- from the blocks; one word and a scarce prefix alone still from the postings; a word the
-- database's parser would split further (its locale) through `search_window`.
CREATE OR REPLACE FUNCTION search_posted(query text, wanted integer) RETURNS SETOF bigint
STABLE LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    parts text[] := string_to_array(query, ' ');
    mode text := parts[cardinality(parts)];
    words text[];
    terms text[];
    found integer;
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
        -- as typed first: when they fill `wanted`, that is the answer
        IF cardinality(words) = 1 THEN
            SELECT count(*) INTO found FROM (
                SELECT 1 FROM articles_search_postings p WHERE p.term = words[1] LIMIT wanted
            ) typed;
            IF found >= wanted THEN
                RETURN QUERY SELECT p.article_id FROM articles_search_postings p
                    WHERE p.term = words[1] ORDER BY p.article_id DESC LIMIT wanted;
                RETURN;
            END IF;
        ELSE
            SELECT r.lo, r.hi INTO lo, hi FROM search_ranges(words, false) r;
            IF search_blocks_count(lo, hi) >= wanted THEN
                RETURN QUERY SELECT b.id FROM search_blocks(lo, hi, wanted) AS b(id);
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
