package org.onewindow.runtime;

import org.onewindow.testkit.ArchitectureRules;

/** The shared architecture rules over the runtime's main code. */
class RuntimeArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.runtime";
    }
}
