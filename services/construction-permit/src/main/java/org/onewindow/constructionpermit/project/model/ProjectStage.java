package org.onewindow.constructionpermit.project.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four approval stages of a construction project (工程建设项目审批四阶段), in order; a matter names
 * its stage in the catalogue ({@code stage}).
 */
public enum ProjectStage {
    /** 立项用地规划许可 */
    LAND_USE_PLANNING("land-use-planning", "立项用地规划许可"),
    /** 工程建设许可 */
    ENGINEERING_PERMISSION("engineering-permission", "工程建设许可"),
    /** 施工许可 */
    CONSTRUCTION_PERMISSION("construction-permission", "施工许可"),
    /** 竣工验收 */
    COMPLETION_ACCEPTANCE("completion-acceptance", "竣工验收");

    private final String id;
    private final String zh;

    ProjectStage(String id, String zh) {
        this.id = id;
        this.zh = zh;
    }

    public String id() {
        return id;
    }

    public String zh() {
        return zh;
    }

    /** The stage a catalogue id names; empty for a matter outside the stages (or an unknown id). */
    public static Optional<ProjectStage> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public boolean before(ProjectStage other) {
        return ordinal() < other.ordinal();
    }
}
