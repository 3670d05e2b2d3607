package org.onewindow.enterpriseopening;

import org.onewindow.testkit.ArchitectureRules;

class EnterpriseOpeningArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.enterpriseopening";
    }
}
