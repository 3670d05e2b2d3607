package org.onewindow.propertyregistration.register;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.propertyregistration.register.model.RegistrationKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registration service's settings ({@code onewindow.property.*}).
 *
 * @param kinds matter code → what the registration does to the register
 * @param completionEvidence the materials a completion acceptance announced on Kafka stands in for
 *     (免提交: the 竣工验收备案证明)
 * @param appliedWithAcceptance matters a developer may apply for together with the completion
 *     acceptance (交房即办证 where the catalogue has it): the case waits for the acceptance instead of
 *     being refused
 * @param awaitsTax matters registered only after the transferee pays the tax (以物抵债): the clock
 *     stands still for TAX_PAYMENT until the tax office says it is paid
 * @param taxPollInterval how often the tax office is asked meanwhile
 * @param utilityTransferProcess the process key of the utilities' 过户 matters in the catalogue: the
 *     ones a transfer announces, by jurisdiction and date
 */
@ConfigurationProperties("onewindow.property")
public record PropertySettings(
        @DefaultValue Map<String, RegistrationKind> kinds,
        @DefaultValue("completion-filing-certificate") List<String> completionEvidence,
        @DefaultValue List<String> appliedWithAcceptance,
        @DefaultValue List<String> awaitsTax,
        @DefaultValue("PT10M") Duration taxPollInterval,
        @DefaultValue("utility-account-transfer") String utilityTransferProcess) {

    public Optional<RegistrationKind> kindOf(String matterCode) {
        return Optional.ofNullable(kinds.get(matterCode));
    }

    public boolean awaitsTax(String matterCode) {
        return awaitsTax.contains(matterCode);
    }

    public boolean appliedWithAcceptance(String matterCode) {
        return appliedWithAcceptance.contains(matterCode);
    }
}
