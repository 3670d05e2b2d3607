-- The board's counts in one pass over an index alone (docs/performance.md, 1,000,000 open cases):
-- every open line's service, department, matter and state, in index order, for an index-only
-- GroupAggregate; and the open cases of a jurisdiction nearest their due date first.
DO $$
DECLARE
    old_index text;
BEGIN
    -- the (jurisdiction, service, level) index, under whatever name a rebuild gave it
    FOR old_index IN
        SELECT indexname FROM pg_indexes
        WHERE tablename = 'board_case' AND indexdef LIKE '%(jurisdiction, service, level) WHERE%'
    LOOP
        EXECUTE format('DROP INDEX %I', old_index);
    END LOOP;
END
$$;
CREATE INDEX board_case_open_tally_idx ON board_case (jurisdiction, service, department, matter_code, level, suspended)
    WHERE status = 'IN_PROGRESS';
CREATE INDEX board_case_open_due_idx ON board_case (jurisdiction, due_at, case_number) WHERE status = 'IN_PROGRESS';

-- statistics for the fresh board before it goes live, so its first queries are planned well
CREATE OR REPLACE FUNCTION board_rebuild_swap() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    ANALYZE board_case_next;
    ALTER TABLE board_case RENAME TO board_case_old;
    ALTER TABLE board_case_next RENAME TO board_case;
    DROP TABLE board_case_old;
END
$$;
