package org.onewindow.constructionpermit.project.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The project categories (项目类型) whose flows the seeds publish; the catalogue's conditions route
 * matters by their ids ({@code projectCategory IN [...]}).
 */
public enum ProjectCategory {
    /** 政府投资房屋建设类 */
    GOV_BUILDING("gov-building"),
    /** 政府投资市政公用线性工程类 */
    GOV_MUNICIPAL_LINEAR("gov-municipal-linear"),
    /** 社会投资一般工业项目和线性工程类 */
    SOCIAL_INDUSTRIAL_LINEAR("social-industrial-linear"),
    /** 社会投资房屋建筑类 */
    SOCIAL_BUILDING("social-building"),
    /** 社会投资拿地即开工（带方案）类 */
    SOCIAL_LAND_WITH_SCHEME("social-land-with-scheme"),
    /** 社会投资小型工业和简易低风险类 */
    SOCIAL_SMALL_INDUSTRIAL_LOW_RISK("social-small-industrial-low-risk");

    private final String id;

    ProjectCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ProjectCategory> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join("、", Arrays.stream(values()).map(ProjectCategory::id).toList());
    }
}
