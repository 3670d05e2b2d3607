-- The board's rebuild from the topics (BoardRebuild). The service's role has no DDL rights, so the
-- two steps that need them are the owner's functions, doing exactly this and nothing else.
CREATE FUNCTION board_rebuild_begin() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    DROP TABLE IF EXISTS board_case_next;
    -- the same columns, checks, primary key and (partial) indexes as the live board
    CREATE TABLE board_case_next (LIKE board_case INCLUDING ALL);
END
$$;

-- Called in the transaction that holds board_case (LOCK … ACCESS EXCLUSIVE) and replayed the last events.
CREATE FUNCTION board_rebuild_swap() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    ALTER TABLE board_case RENAME TO board_case_old;
    ALTER TABLE board_case_next RENAME TO board_case;
    DROP TABLE board_case_old;
END
$$;

REVOKE ALL ON FUNCTION board_rebuild_begin() FROM PUBLIC;
REVOKE ALL ON FUNCTION board_rebuild_swap() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board_rebuild_begin() TO ${app_role};
GRANT EXECUTE ON FUNCTION board_rebuild_swap() TO ${app_role};
