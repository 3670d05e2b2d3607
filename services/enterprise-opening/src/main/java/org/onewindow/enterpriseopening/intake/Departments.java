package org.onewindow.enterpriseopening.intake;

/**
 * The departments (the token's {@code department} claim) whose staff work enterprise-opening
 * tasks; they are the BPMN tasks' candidate groups.
 */
public final class Departments {
    /** 市场监管: reviews the business licence. */
    public static final String MARKET_REGULATION = "market-regulation";
    /** 政务服务中心: the window that accepts and delivers (统一出件). */
    public static final String SERVICE_CENTRE = "service-centre";

    private Departments() {}
}
