package org.onewindow.propertyregistration;

import org.onewindow.testkit.ArchitectureRules;

class PropertyRegistrationArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.propertyregistration";
    }
}
