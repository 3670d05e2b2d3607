package org.onewindow.runtime.intake;

import org.onewindow.kernel.application.model.ApplicantType;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;

/**
 * Who may submit on which channel: an applicant online, for themselves (an enterprise only under
 * its own credit code); a clerk at the window of their own jurisdiction, or for another
 * jurisdiction when accepting across regions (异地受理).
 */
final class IntakeAuthorisation {

    void check(Caller caller, Application application) {
        if (application.applicant().type() == ApplicantType.AUTHORITY) {
            throw Rejection.invalid(FieldViolation.of(
                    "applicant.type",
                    "applicant.authority",
                    "机关不能作为申请人；督办、整改由平台自动立案",
                    "a department is never an applicant; the platform opens 督办 and 整改 itself"));
        }
        Channel channel = application.channel();
        if (channel == Channel.ONLINE) {
            if (!caller.has(Role.APPLICANT)) {
                throw Rejection.forbidden("网上申请须由申请人本人提交", "online applications are made by the applicant");
            }
            String uscc = application.applicant().uscc();
            if (uscc != null && !uscc.equals(caller.uscc())) {
                throw Rejection.forbidden("只能以本企业的统一社会信用代码申请", "an enterprise applies only under its own credit code");
            }
            return;
        }
        if (!caller.has(Role.CLERK)) {
            throw Rejection.forbidden("窗口受理须由窗口工作人员办理", "window applications are made by a clerk");
        }
        if (channel != Channel.CROSS_REGION && !application.jurisdiction().equals(caller.jurisdiction())) {
            throw Rejection.forbidden(
                    "只能受理本辖区的申请；跨辖区请选择异地受理（CROSS_REGION）",
                    "a clerk accepts for their own jurisdiction; use CROSS_REGION for another");
        }
    }
}
