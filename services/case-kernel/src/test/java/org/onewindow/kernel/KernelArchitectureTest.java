package org.onewindow.kernel;

import org.onewindow.testkit.ArchitectureRules;

class KernelArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.kernel";
    }
}
