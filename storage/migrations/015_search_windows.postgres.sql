-- Search in windows of recency (storage/search.py). A search keeps the newest 400 stories
-- matching its words; GIN finds every match, and a bitmap scan then read each matching row
-- only to sort them by id (a word in 28,000 of 200,000 stories: 20,000 heap pages,
-- 140 ms). The search index is rebuilt over the story's words plus marks of its id range
-- that no search can type (a search's words are letters and digits only):
-- `~a<id / 2048>`, `~b<id / 16384>`, `~c<id / 131072>`. "These words among the stories
-- of that id range" is then an index lookup (GIN skips through the longer lists by the
-- shorter), and only the matching rows of the range are read. The words column and its
-- values are unchanged, so nothing that writes stories changes.

CREATE FUNCTION recency_marks(id bigint) RETURNS tsvector
IMMUTABLE PARALLEL SAFE LANGUAGE sql
AS $$ SELECT array_to_tsvector(ARRAY['~a' || (id >> 11), '~b' || (id >> 14), '~c' || (id >> 17)]) $$;

-- Marks naming each 2048-id slice that [lo, hi) touches once, newest first; whole
-- 16384- and 131072-id ranges by one mark each.
CREATE FUNCTION search_marks(lo bigint, hi bigint) RETURNS tsquery
IMMUTABLE PARALLEL SAFE LANGUAGE plpgsql
AS $$
DECLARE
    s bigint := (hi - 1) >> 11;
    bottom bigint := lo >> 11;
    marks text[] := '{}';
BEGIN
    WHILE s >= bottom LOOP
        IF s % 64 = 63 AND s - 63 >= bottom THEN
            marks := marks || ('~c' || (s >> 6));
            s := s - 64;
        ELSIF s % 8 = 7 AND s - 7 >= bottom THEN
            marks := marks || ('~b' || (s >> 3));
            s := s - 8;
        ELSE
            marks := marks || ('~a' || s);
            s := s - 1;
        END IF;
    END LOOP;
    RETURN array_to_string(ARRAY(SELECT quote_literal(m) FROM unnest(marks) m), ' | ')::tsquery;
END
$$;

-- What the index is asked for a query: the query without a last word of up to three
-- letters typed as a prefix when other words are there ("stage t"): every word that
-- letter starts would be merged first; it is checked on the rows instead.
CREATE FUNCTION search_anchor(query tsquery) RETURNS tsquery
IMMUTABLE PARALLEL SAFE LANGUAGE sql
AS $$ SELECT regexp_replace(query::text, ' & ''[^'']{1,3}'':\*', '', 'g')::tsquery $$;

-- The ids of the newest `wanted` stories matching `query`, newest first. The newest 1024
-- stories are read through the primary key, where a common query stops. Below them, the
-- matches seen so far say how many more stories the rest needs at that rate: up to 6144
-- of them are read through the primary key too (0.5-1 us a story, recent pages), more
-- through the index, in a window of ids 1.5 times that size (at most 16 times what was
-- read so far), where only the window's matching stories are read (some 5 us each). The
-- last window reaches the oldest story without marks.
CREATE FUNCTION search_window(query tsquery, wanted integer) RETURNS SETOF bigint
STABLE LANGUAGE plpgsql
AS $$
DECLARE
    anchor tsquery := search_anchor(query);
    newest bigint;
    oldest bigint;
    hi bigint;
    lo bigint;
    found integer;
    got integer;
    rate_span numeric;
BEGIN
    SELECT max(s.article_id), min(s.article_id) INTO newest, oldest FROM articles_search s;
    IF newest IS NULL OR wanted < 1 THEN
        RETURN;
    END IF;
    hi := newest - 1023;
    RETURN QUERY SELECT s.article_id FROM articles_search s
        WHERE s.article_id >= hi AND s.words @@ query
        ORDER BY s.article_id DESC LIMIT wanted;
    GET DIAGNOSTICS found = ROW_COUNT;
    WHILE found < wanted AND hi > oldest LOOP
        -- ids the rest needs at the rate seen so far
        rate_span := (wanted - found) * (newest + 1 - hi)::numeric / greatest(found, 0.5);
        IF rate_span <= 6144 THEN
            lo := hi - ceil(rate_span * 1.5)::bigint;
            RETURN QUERY SELECT s.article_id FROM articles_search s
                WHERE s.article_id >= lo AND s.article_id < hi AND s.words @@ query
                ORDER BY s.article_id DESC LIMIT wanted - found;
        ELSE
            lo := ((hi - least(ceil(rate_span * 1.5)::bigint, 16 * (newest + 1 - hi))) >> 11) << 11;
            IF lo <= oldest THEN
                RETURN QUERY SELECT s.article_id FROM articles_search s
                    WHERE (s.words || recency_marks(s.article_id)) @@ anchor
                      AND s.article_id + 0 < hi AND s.words @@ query
                    ORDER BY s.article_id DESC LIMIT wanted - found;
            ELSE
                RETURN QUERY SELECT s.article_id FROM articles_search s
                    WHERE (s.words || recency_marks(s.article_id)) @@ (anchor && search_marks(lo, hi))
                      AND s.article_id + 0 >= lo AND s.article_id + 0 < hi
                      AND s.words @@ query
                    ORDER BY s.article_id DESC LIMIT wanted - found;
            END IF;
        END IF;
        GET DIAGNOSTICS got = ROW_COUNT;
        found := found + got;
        hi := lo;
    END LOOP;
END
$$;

DROP INDEX articles_search_words;
CREATE INDEX articles_search_words ON articles_search USING GIN
    ((words || recency_marks(article_id))) WITH (fastupdate = off);

-- A search sorts its newest matches by date: read from this index, not from the stories'
-- rows, which hold their bodies (015_search_windows.sql).
CREATE INDEX articles_by_id_time ON articles (id, sort_at, feed_id);
