package org.onewindow.utilityhookup;

import org.onewindow.testkit.ArchitectureRules;

class UtilityHookupArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.utilityhookup";
    }
}
