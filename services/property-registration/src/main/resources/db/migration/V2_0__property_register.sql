-- 不动产登记簿, the part this service keeps: the projects whose completion acceptance arrived
-- (交房即办证), the units, who holds them and what restricts them, and which unit each case concerns.
CREATE TABLE completed_project (
    project_code      TEXT PRIMARY KEY,
    jurisdiction      TEXT        NOT NULL,
    project_name      TEXT        NOT NULL,
    land_parcel       TEXT,
    developer_uscc    TEXT,
    accepted_on       DATE        NOT NULL,
    acceptance_case   TEXT        NOT NULL,
    acceptance_matter TEXT        NOT NULL,
    event_id          TEXT        NOT NULL,
    announced_at      TIMESTAMPTZ NOT NULL,
    units_ready_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE property_unit (
    unit_number        TEXT PRIMARY KEY CHECK (unit_number ~ '^\d{12}[A-Z]{2}\d{5}[FLQW]\d{8}$'),
    jurisdiction       TEXT    NOT NULL,
    project_code       TEXT REFERENCES completed_project (project_code),
    building           TEXT,
    address            TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('READY', 'REGISTERED', 'CANCELLED')),
    owner_type         TEXT,
    owner_name         TEXT,
    owner_uscc         TEXT,
    owner_id_number    TEXT,
    registered_on      DATE,
    seizures           INTEGER NOT NULL DEFAULT 0 CHECK (seizures >= 0),
    mortgages          INTEGER NOT NULL DEFAULT 0 CHECK (mortgages >= 0),
    last_case          TEXT,
    CHECK (status = 'READY' OR owner_name IS NOT NULL)
);
CREATE INDEX property_unit_project_idx ON property_unit (project_code);

CREATE TABLE registration_case (
    case_number  TEXT PRIMARY KEY REFERENCES case_file (case_number),
    kind         TEXT NOT NULL,
    unit_number  TEXT,
    project_code TEXT,
    entered_at   TIMESTAMPTZ
);
CREATE INDEX registration_case_awaiting_idx ON registration_case (project_code) WHERE entered_at IS NULL;
