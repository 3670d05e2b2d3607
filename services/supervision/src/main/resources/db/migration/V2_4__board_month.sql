-- 按月通报: the cases a jurisdiction accepted in a month, by department, from the index alone
-- (it also serves the search's newest-first order, read backwards).
DO $$
DECLARE
    old_index text;
BEGIN
    FOR old_index IN
        SELECT indexname FROM pg_indexes
        WHERE tablename = 'board_case' AND indexdef LIKE '%(jurisdiction, accepted_at DESC)%'
    LOOP
        EXECUTE format('DROP INDEX %I', old_index);
    END LOOP;
END
$$;
CREATE INDEX board_case_accepted_department_idx ON board_case (jurisdiction, accepted_at, department);
