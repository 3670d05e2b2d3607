package org.onewindow.propertyregistration.register.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a registration does to the register (登记簿). The catalogue's matter codes differ in limits
 * per jurisdiction but not in kind, so the service maps them ({@code onewindow.property.kinds}).
 */
public enum RegistrationKind {
    /** 首次登记: a completed project's units get their first owner, the developer. */
    FIRST("首次登记"),
    /** 转移登记: the unit changes hands. */
    TRANSFER("转移登记"),
    /** 转移抵押联办: the unit changes hands and is mortgaged to the buyer's bank in one registration. */
    TRANSFER_AND_MORTGAGE("转移抵押联办"),
    MORTGAGE("抵押登记"),
    /** 解押 (抵押权注销登记). */
    MORTGAGE_RELEASE("解押"),
    /** 查封登记, on a court's notice; a further seizure of a seized unit is 轮候查封. */
    SEIZURE("查封登记"),
    ADDRESS_CHANGE("地址变更登记"),
    NAME_CHANGE("更名登记"),
    OBJECTION("异议登记"),
    CANCELLATION("注销登记"),
    /** 预告登记 of a pre-sale contract: the unit may not be registered yet. */
    ADVANCE_NOTICE("预告登记"),
    /** 政府统一组织的不动产登记: many units at once, none named in the application. */
    MASS_REGISTRATION("政府统一组织登记");

    /** 查封期间不得办理转移、抵押或注销登记 (不动产登记暂行条例实施细则 art. 90). */
    private static final Set<RegistrationKind> BLOCKED_BY_SEIZURE =
            EnumSet.of(TRANSFER, TRANSFER_AND_MORTGAGE, MORTGAGE, CANCELLATION);

    private final String zh;

    RegistrationKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Whether the application names a unit already on the register. */
    public boolean concernsRegisteredUnit() {
        return this != FIRST && this != ADVANCE_NOTICE && this != MASS_REGISTRATION;
    }

    public boolean blockedBySeizure() {
        return BLOCKED_BY_SEIZURE.contains(this);
    }

    /** Whether the unit changes owner, so the utilities' 过户 follows (property.transfer-registered). */
    public boolean transfersOwnership() {
        return this == TRANSFER || this == TRANSFER_AND_MORTGAGE;
    }
}
