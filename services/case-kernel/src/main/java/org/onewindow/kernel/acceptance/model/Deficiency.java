package org.onewindow.kernel.acceptance.model;

import org.onewindow.kernel.text.LocalizedText;

/**
 * Something missing or unusable in an application: a material or an application-data field. A
 * {@code core} deficiency blocks acceptance (补正); a non-core one may be supplied later (容缺).
 */
public record Deficiency(Kind kind, String code, LocalizedText name, Reason reason, boolean core) {

    /** Whether a material or a data field is deficient. */
    public enum Kind {
        MATERIAL,
        DATA
    }

    /** Why, in words a clerk can act on. */
    public enum Reason {
        MISSING("未提交", "not presented"),
        REFERENCE_MISSING("未提供文件或证照编号", "no file or licence reference given"),
        COMMITMENT_NOT_ALLOWED("该材料不适用告知承诺", "a commitment cannot replace this material"),
        E_LICENCE_NOT_ACCEPTED("该材料不能以电子证照代替", "no e-licence can replace this material"),
        DATA_MISSING("缺少申请数据", "application data needed to choose the procedure is missing");

        private final LocalizedText text;

        Reason(String zh, String en) {
            this.text = new LocalizedText(zh, en);
        }

        public LocalizedText text() {
            return text;
        }
    }
}
