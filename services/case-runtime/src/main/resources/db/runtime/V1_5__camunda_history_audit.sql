-- Camunda's history level from FULL (3) to AUDIT (2), as onewindow-runtime-defaults.yml now says:
-- the engine refuses to start when the level it is configured with differs from the one its
-- schema recorded. A new database has no row yet (the engine writes it on its first start).
UPDATE act_ge_property SET value_ = '2' WHERE name_ = 'historyLevel';
