-- Camunda's history level from AUDIT (2) to ACTIVITY (1), as onewindow-runtime-defaults.yml now says
-- (issue #16): the engine refuses to start when the level it is configured with differs from the one
-- its schema recorded. A new database has no row yet (the engine writes it on its first start).
-- Variable history already written stays; nothing new is added to it.
UPDATE act_ge_property SET value_ = '1' WHERE name_ = 'historyLevel';
