-- 工程建设项目: the project each permit case belongs to, and which cases those are.
CREATE TABLE project (
    project_code      TEXT PRIMARY KEY,
    jurisdiction      TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    category          TEXT        NOT NULL,
    floor_area_m2     NUMERIC CHECK (floor_area_m2 >= 0),
    investment_cny10k NUMERIC CHECK (investment_cny10k >= 0),
    land_parcel       TEXT,
    developer_uscc    TEXT,
    developer_subject TEXT,
    stage             TEXT        NOT NULL,
    registered_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX project_jurisdiction_idx ON project (jurisdiction, registered_at DESC);
CREATE INDEX project_developer_idx ON project (developer_uscc);

CREATE TABLE project_case (
    case_number  TEXT PRIMARY KEY REFERENCES case_file (case_number),
    project_code TEXT NOT NULL REFERENCES project (project_code),
    matter_code  TEXT NOT NULL,
    stage        TEXT
);
CREATE INDEX project_case_project_idx ON project_case (project_code);
