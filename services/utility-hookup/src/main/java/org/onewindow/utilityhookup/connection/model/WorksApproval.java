package org.onewindow.utilityhookup.connection.model;

/** How the administrative approvals of a connection's external works (规划, 掘路, 绿地 …) are given. */
public enum WorksApproval {
    /** 承诺备案: the filing is the approval, at once (QX within 200 m, FC up to 150 m, ST UT-E8). */
    COMMITMENT_FILING,
    /** 并联审批: every department at the same time, within the step limit (LC 5 WD, QX 3 WD, FC 3 WD). */
    PARALLEL,
    /** 免于审批: no administrative approval at all (ST UT-E7). */
    EXEMPT
}
