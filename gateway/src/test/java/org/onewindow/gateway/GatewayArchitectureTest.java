package org.onewindow.gateway;

import org.onewindow.testkit.ArchitectureRules;

class GatewayArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.gateway";
    }
}
