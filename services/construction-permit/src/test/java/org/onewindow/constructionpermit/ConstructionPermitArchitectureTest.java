package org.onewindow.constructionpermit;

import org.onewindow.testkit.ArchitectureRules;

class ConstructionPermitArchitectureTest implements ArchitectureRules {
    @Override
    public String basePackage() {
        return "org.onewindow.constructionpermit";
    }
}
