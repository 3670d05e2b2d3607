package org.onewindow.enterpriseopening.bundle;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.Component;
import org.springframework.stereotype.Service;

/**
 * The component matters of a bundle (营业执照, 印章, 涉税 …) as the catalogue version the case was
 * accepted under lists them; the BPMN registers the licence first, then runs the others in parallel. Reading it
 * from the catalogue keeps it data: a jurisdiction that adds a component changes YAML, not BPMN.
 */
// public: the BPMN expression language calls it by reflection
@Service("bundleComponents")
public class BundleComponents {

    private final Catalogue catalogue;

    BundleComponents(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The components after the business licence, which come first (their systems need its credit code). */
    public List<String> afterLicence(VariableScope execution) {
        return of(execution).stream()
                .filter(c -> !ComponentRegistration.BUSINESS_LICENCE.equals(c))
                .toList();
    }

    public List<String> of(VariableScope execution) {
        String jurisdiction = (String) execution.getVariable("jurisdiction");
        String version = (String) execution.getVariable("catalogueVersion");
        String matterCode = (String) execution.getVariable("matterCode");
        return catalogue
                .version(jurisdiction, version)
                .flatMap(v -> v.matter(matterCode))
                .map(m -> m.components().stream().map(Component::id).toList())
                .orElseThrow(() -> new IllegalStateException(
                        "no components for " + matterCode + " in " + jurisdiction + " catalogue " + version));
    }
}
