-- The cases whose promised dates reach into a year without a published holiday notice: few (those
-- accepted in the last weeks of a year), and all an administrator's recomputation looks at once
-- the notice is loaded, so it need not read every open case.
CREATE INDEX case_file_calendar_unknown_idx ON case_file (case_number) WHERE NOT calendar_known;
