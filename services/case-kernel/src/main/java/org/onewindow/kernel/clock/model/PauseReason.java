package org.onewindow.kernel.clock.model;

/** Periods that the rules exclude from an approval clock (不计入审批时限). */
public enum PauseReason {
    /** 公示 */
    PUBLIC_NOTICE,
    /** 缴费 */
    FEE_PAYMENT,
    /** 听证 */
    HEARING,
    /** 检验检测 */
    INSPECTION,
    /** 专家评审 */
    EXPERT_REVIEW,
    /** 补正 / 补充材料: waiting for the applicant's supplement. */
    APPLICANT_SUPPLEMENT,
    /** 特殊程序 */
    SPECIAL_PROCEDURE,
    /** 用户自身工程: the customer's own works (R2). */
    CUSTOMER_WORKS,
    /** 工程设计、施工和企业不可控的时间 (R3). */
    UNCONTROLLABLE_WORKS,
    /** 缴税 (R6). */
    TAX_PAYMENT
}
