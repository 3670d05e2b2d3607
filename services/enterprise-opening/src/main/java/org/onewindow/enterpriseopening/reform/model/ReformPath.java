package org.onewindow.enterpriseopening.reform.model;

import java.util.Arrays;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

/**
 * 证照分离's four ways of handling an operating permit (EO-8), as the application names it in
 * {@code data.reformPath}; 告知承诺 when it does not.
 */
public enum ReformPath {
    /** 直接取消审批: no permit needed. */
    CANCELLED,
    /** 审批改为备案: filing instead of approval. */
    FILING,
    /** 实行告知承诺: the applicant's commitment, checked afterwards. */
    COMMITMENT,
    /** 优化审批服务: still approved, faster. */
    OPTIMISED;

    public static ReformPath of(Application application) {
        Object given = application.data().get("reformPath");
        if (given == null) {
            return COMMITMENT;
        }
        try {
            return valueOf(given.toString());
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(FieldViolation.of(
                    "data.reformPath",
                    "reform-path.unknown",
                    "证照分离改革方式应为以下之一：" + Arrays.toString(values()),
                    "reformPath must be one of " + Arrays.toString(values())));
        }
    }
}
