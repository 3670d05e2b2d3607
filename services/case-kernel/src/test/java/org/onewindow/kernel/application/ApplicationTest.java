package org.onewindow.kernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Applicant;
import org.onewindow.kernel.application.model.ApplicantType;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Application.Material;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.application.model.UnifiedSocialCreditCode;
import org.onewindow.kernel.problem.model.FieldViolation;

class ApplicationTest {

    @Test
    void theDemoEnterprisesCodesAreValid() {
        assertThat(UnifiedSocialCreditCode.isValid("91110105MA01FC010D")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91310115MA02LC022T")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void aMistypedCheckCharacterOrAForbiddenLetterIsNamed() {
        assertThat(UnifiedSocialCreditCode.defect("91110105MA01FC010E"))
                .hasValueSatisfying(why -> assertThat(why).contains("check character"));
        assertThat(UnifiedSocialCreditCode.defect("91110105MA01FC01OD"))
                .hasValueSatisfying(why -> assertThat(why).contains("character 17"));
        assertThat(UnifiedSocialCreditCode.defect("9111"))
                .hasValueSatisfying(why -> assertThat(why).contains("18 characters"));
    }

    @Test
    void everySingleCharacterTypoIsCaught() {
        String good = "91110105MA01FC010D";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 18; i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != good.charAt(i)) {
                    String typo = good.substring(0, i) + c + good.substring(i + 1);
                    assertThat(UnifiedSocialCreditCode.isValid(typo)).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void aCompleteApplicationHasNoViolations() {
        assertThat(valid().violations()).isEmpty();
    }

    @Test
    void everythingWrongIsListedAtOnce() {
        var app = new Application(
                "fc",
                " ",
                null,
                new Applicant(ApplicantType.ENTERPRISE, "", "91110105MA01FC010E", null),
                List.of(
                        new Material("application-form", MaterialForm.UPLOAD, null),
                        new Material("application-form", MaterialForm.PAPER, null),
                        new Material(null, MaterialForm.PAPER, null)),
                Map.of());
        assertThat(app.violations())
                .extracting(FieldViolation::field)
                .containsExactly(
                        "jurisdiction",
                        "matterCode",
                        "channel",
                        "applicant.name",
                        "applicant.uscc",
                        "materials[0].reference",
                        "materials[1].code",
                        "materials[2].code");
    }

    @Test
    void aFounderWithoutACreditCodeGivesAnIdentityNumber() {
        var founder = new Applicant(ApplicantType.PERSON, "张三", null, null);
        var app = new Application("FC", "EO-1", Channel.WINDOW, founder, List.of(), Map.of());
        assertThat(app.violations()).extracting(FieldViolation::code).containsExactly("applicant.identity-missing");
    }

    private static Application valid() {
        return new Application(
                "FC",
                "EO-1",
                Channel.WINDOW,
                new Applicant(ApplicantType.PERSON, "峰城示例有限公司（筹）", null, "370402199001011234"),
                List.of(new Material("legal-representative-id", MaterialForm.E_LICENCE, "EL-ID-0001")),
                Map.of("registeredCapital", 100));
    }
}
