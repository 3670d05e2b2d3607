package org.onewindow.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For a service test to extend: the systems outside the platform (市场监管, 电子证照库, 税务 …) as one
 * WireMock server the service's {@code onewindow.departments.base-url} points at, every registration
 * answered with a reference. A test adds its own stubs in its own {@code @BeforeEach} (the newest
 * matching stub wins) or fault injection in the test.
 */
public abstract class WithDepartmentSystems {

    @RegisterExtension
    protected static WireMockExtension departments = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void departmentSystems(DynamicPropertyRegistry registry) {
        registry.add("onewindow.departments.base-url", departments::baseUrl);
    }

    @BeforeEach
    void everyRegistrationAnswered() {
        departments.stubFor(post(urlPathMatching("/[a-z-]+/registrations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\":\"REF-1\"}")));
    }
}
