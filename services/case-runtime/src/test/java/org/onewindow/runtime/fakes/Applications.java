package org.onewindow.runtime.fakes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Applicant;
import org.onewindow.kernel.application.model.ApplicantType;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;

/** Applications as the window or the applicant would submit them. */
public final class Applications {

    /** Valid 统一社会信用代码 (check characters computed by GB 32100-2015). */
    public static final String OWN_USCC = "91370400MA3C000011";

    public static final String OTHER_USCC = "91370400MA3C000024";

    /** A resident identity number; it must never leave the case file in clear. */
    public static final String ID_NUMBER = "370402199003071234";

    /** EO-1's core materials in FC. */
    public static final List<String> EO1_CORE =
            List.of("application-form", "articles-of-association", "legal-representative-id");

    /** EO-1's non-core materials in FC: they may be owed under 容缺受理. */
    public static final List<String> EO1_NON_CORE = List.of("premises-proof", "officer-appointment");

    private Applications() {}

    public static Applicant person(String name) {
        return new Applicant(ApplicantType.PERSON, name, null, ID_NUMBER);
    }

    public static Applicant enterprise(String name, String uscc) {
        return new Applicant(ApplicantType.ENTERPRISE, name, uscc, null);
    }

    public static List<Application.Material> paper(String... codes) {
        return Arrays.stream(codes)
                .map(c -> new Application.Material(c, MaterialForm.PAPER, null))
                .toList();
    }

    public static List<Application.Material> paper(List<String> codes) {
        return paper(codes.toArray(String[]::new));
    }

    public static Application application(
            String jurisdiction,
            String matterCode,
            Channel channel,
            Applicant applicant,
            List<Application.Material> materials,
            Map<String, Object> data) {
        return new Application(jurisdiction, matterCode, channel, applicant, materials, data);
    }

    /** A bare application of a matter by a person, materials left out. */
    public static Application application(String jurisdiction, String matterCode, Channel channel) {
        return application(jurisdiction, matterCode, channel, person("张三"), List.of(), Map.of());
    }

    /** 企业开办 in FC with every material on paper. */
    public static Application eo1(Channel channel, Applicant applicant) {
        return eo1Without(channel, applicant);
    }

    /** 企业开办 in FC with the named materials missing. */
    public static Application eo1Without(Channel channel, Applicant applicant, String... missing) {
        List<String> given = new ArrayList<>(EO1_CORE);
        given.addAll(EO1_NON_CORE);
        given.removeAll(List.of(missing));
        return application("FC", "EO-1", channel, applicant, paper(given), Map.of());
    }
}
