package org.onewindow.constructionpermit.project.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 施工段: the part of the works a staged construction permit (分段办理施工许可) covers. Where a
 * jurisdiction allows it (the matter lists the input {@code constructionSection}), the developer
 * may have one permit per section once the general contractor is chosen.
 */
public enum ConstructionSection {
    /** 基础工程（基坑支护、土方开挖、桩基础） */
    FOUNDATION("foundation", "基础工程（基坑支护、土方开挖、桩基础）"),
    /** 地下结构工程 */
    UNDERGROUND("underground", "地下结构工程"),
    /** 地上主体结构工程 */
    SUPERSTRUCTURE("superstructure", "地上主体结构工程");

    private final String id;
    private final String zh;

    ConstructionSection(String id, String zh) {
        this.id = id;
        this.zh = zh;
    }

    public String id() {
        return id;
    }

    public String zh() {
        return zh;
    }

    public static Optional<ConstructionSection> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ConstructionSection::id).toList();
    }
}
