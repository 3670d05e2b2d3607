package org.onewindow.kernel.application.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.problem.model.FieldViolation;

/**
 * 联合申报: one application for several matters of one service (the permits of a construction
 * stage reviewed in parallel), with the materials they share handed in once and one set of data.
 * Either every matter is accepted, or none is and the answer is one consolidated list for all of
 * them (统一补正, 一次告知).
 */
public record JointApplication(
        String jurisdiction,
        List<String> matterCodes,
        Channel channel,
        Applicant applicant,
        List<Application.Material> materials,
        Map<String, Object> data) {

    /** More matters than a stage has: a joint application is a stage, not a catalogue. */
    public static final int MAX_MATTERS = 12;

    public JointApplication {
        matterCodes = matterCodes == null ? List.of() : List.copyOf(matterCodes);
        materials = materials == null ? List.of() : List.copyOf(materials);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** The application for one of the matters, with the materials that matter lists. */
    public Application forMatter(String matterCode, Set<String> listedMaterials) {
        return new Application(
                jurisdiction,
                matterCode,
                channel,
                applicant,
                materials.stream()
                        .filter(m -> m != null && listedMaterials.contains(m.code()))
                        .toList(),
                data);
    }

    /** Everything wrong with the form at once: the matter list, then what any application checks. */
    public List<FieldViolation> violations() {
        List<FieldViolation> out = new ArrayList<>();
        if (matterCodes.size() < 2) {
            out.add(FieldViolation.of(
                    "matterCodes",
                    "joint.too-few",
                    "联合申报须选择至少两个事项；单个事项请直接申请",
                    "a joint application names at least two matters; apply for one directly"));
        } else if (matterCodes.size() > MAX_MATTERS) {
            out.add(FieldViolation.of(
                    "matterCodes",
                    "joint.too-many",
                    "联合申报最多 " + MAX_MATTERS + " 个事项",
                    "a joint application names at most " + MAX_MATTERS + " matters"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < matterCodes.size(); i++) {
            String code = matterCodes.get(i);
            if (code == null || code.isBlank()) {
                out.add(FieldViolation.of("matterCodes[" + i + "]", "matter.missing", "请填写事项编码", "give a matter code"));
            } else if (!seen.add(code)) {
                out.add(FieldViolation.of(
                        "matterCodes[" + i + "]",
                        "joint.duplicate-matter",
                        "事项 " + code + " 重复选择",
                        "matter " + code + " is named twice"));
            }
        }
        // the rest is the form of any application; the matter code is checked above
        new Application(jurisdiction, "-", channel, applicant, materials, data)
                .violations()
                .forEach(out::add);
        return out;
    }
}
