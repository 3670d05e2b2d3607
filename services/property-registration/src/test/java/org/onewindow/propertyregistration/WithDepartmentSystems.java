package org.onewindow.propertyregistration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Material;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.testkit.WindowApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the service tests share: the systems outside the platform (电子证照库 for 缮证, the tax office)
 * as WireMock, every registration answered with a reference, and window applications built from the
 * catalogue.
 */
abstract class WithDepartmentSystems {

    static final String OWNER_USCC = "91110105MA01FC010D";
    static final String OWNER = "示例置业有限公司";

    @RegisterExtension
    static WireMockExtension departments = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void departmentSystems(DynamicPropertyRegistry registry) {
        registry.add("onewindow.departments.base-url", departments::baseUrl);
    }

    @Autowired
    CatalogueLookup catalogue;

    @BeforeEach
    void departmentsAnswer() {
        departments.stubFor(post(urlPathMatching("/[a-z-]+/registrations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\":\"DZZZ-0001\"}")));
    }

    /** The enterprise's window application with every material of the matter on paper but {@code left}. */
    String application(String jurisdiction, String matterCode, Map<String, Object> data, List<String> left) {
        Matter matter =
                catalogue.matter(catalogue.inForce(jurisdiction, java.time.LocalDate.of(2026, 11, 24)), matterCode);
        List<String> materials = matter.materials().stream()
                .map(Material::code)
                .filter(code -> !left.contains(code))
                .toList();
        return WindowApplication.onPaper(jurisdiction, matterCode, OWNER, OWNER_USCC, materials, data);
    }

    String application(String jurisdiction, String matterCode, Map<String, Object> data) {
        return application(jurisdiction, matterCode, data, List.of());
    }
}
