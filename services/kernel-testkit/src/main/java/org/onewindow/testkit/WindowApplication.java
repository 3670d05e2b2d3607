package org.onewindow.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/applications} as a clerk's client sends it for an enterprise:
 * channel WINDOW, the given materials on paper, the matter's data. Service tests list the
 * materials from their catalogue (every one, or all but those left out for 容缺 or 免提交).
 */
public final class WindowApplication {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WindowApplication() {}

    public static String onPaper(
            String jurisdiction,
            String matterCode,
            String enterprise,
            String uscc,
            List<String> materials,
            Map<String, Object> data) {
        ObjectNode body = JSON.createObjectNode()
                .put("jurisdiction", jurisdiction)
                .put("matterCode", matterCode)
                .put("channel", "WINDOW");
        body.putObject("applicant")
                .put("type", "ENTERPRISE")
                .put("name", enterprise)
                .put("uscc", uscc);
        ArrayNode given = body.putArray("materials");
        materials.forEach(code -> given.addObject().put("code", code).put("form", "PAPER"));
        body.set("data", JSON.valueToTree(data));
        return body.toString();
    }
}
