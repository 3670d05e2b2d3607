package org.onewindow.supervision;

import org.onewindow.testkit.ArchitectureRules;

class SupervisionArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.supervision";
    }
}
