package org.onewindow.runtime.step;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.Component;

/**
 * The component matters of a case (a bundle's 营业执照, 印章, 涉税 …; a joint utility application's
 * water, power, gas) as the catalogue version the case was accepted under lists them, for a
 * model's multi-instance collection: {@code ${caseComponents.except(execution, 'business-licence')}}.
 * Reading it from the catalogue keeps it data: a jurisdiction that adds a component changes YAML,
 * not BPMN.
 */
public class CaseComponents {

    private final Catalogue catalogue;

    public CaseComponents(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every component of the case's matter. */
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

    /** The components but one the model handles before the rest (the licence whose credit code they need). */
    public List<String> except(VariableScope execution, String first) {
        return of(execution).stream().filter(c -> !c.equals(first)).toList();
    }
}
