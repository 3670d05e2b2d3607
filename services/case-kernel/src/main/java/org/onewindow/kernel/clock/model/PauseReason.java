package org.onewindow.kernel.clock.model;

/** Periods that the rules exclude from an approval clock (不计入审批时限). */
public enum PauseReason {
    /** 公示 */
    PUBLIC_NOTICE("公示"),
    /** 缴费 */
    FEE_PAYMENT("缴费"),
    /** 听证 */
    HEARING("听证"),
    /** 检验检测 */
    INSPECTION("检验检测"),
    /** 专家评审 */
    EXPERT_REVIEW("专家评审"),
    /** 补正 / 补充材料: waiting for the applicant's supplement. */
    APPLICANT_SUPPLEMENT("申请人补正"),
    /** 特殊程序 */
    SPECIAL_PROCEDURE("特殊程序"),
    /** 用户自身工程: the customer's own works (R2). */
    CUSTOMER_WORKS("用户自身工程"),
    /** 工程设计、施工和企业不可控的时间 (R3). */
    UNCONTROLLABLE_WORKS("企业不可控时间"),
    /** 缴税 (R6). */
    TAX_PAYMENT("缴税");

    private final String zh;

    PauseReason(String zh) {
        this.zh = zh;
    }

    /** The reason as the rules name it (公示, 缴费 …). */
    public String zh() {
        return zh;
    }
}
