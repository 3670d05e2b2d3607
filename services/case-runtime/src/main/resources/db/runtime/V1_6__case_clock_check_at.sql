-- When the SLA scan should next look at a clock: the moment its warning share is used, then its
-- due instant; null once red, while paused or when stopped. The scan used to read and re-parse
-- every running clock each minute, which grew with the open cases (11-19 % of the service's CPU
-- at 80 intakes/s); now it reads only the clocks whose level can have risen.
-- Existing running clocks are due at once: the first scan computes their real check time.
ALTER TABLE case_clock ADD COLUMN check_at TIMESTAMPTZ;
UPDATE case_clock SET check_at = now() WHERE running;
DROP INDEX case_clock_running_idx;
CREATE INDEX case_clock_check_idx ON case_clock (check_at) WHERE running AND check_at IS NOT NULL;
