-- 分段办理施工许可: the 施工段 a staged construction permit covers (NULL: the whole project).
ALTER TABLE project_case ADD COLUMN section TEXT
    CHECK (section IN ('foundation', 'underground', 'superstructure'));
