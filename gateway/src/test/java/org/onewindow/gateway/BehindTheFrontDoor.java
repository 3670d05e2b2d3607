package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway test with enterprise-opening's back office stood in by WireMock and the test kit's
 * token key: what the front door does in front of a back office it cannot see.
 */
abstract class BehindTheFrontDoor {

    @RegisterExtension
    static WireMockExtension enterpriseOpening = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void backOffice(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.registerTokens(registry);
        registry.add("onewindow.gateway.services.enterprise-opening", enterpriseOpening::baseUrl);
        // a back office that is down: nothing listens on the discard port
        registry.add("onewindow.gateway.services.utility-hookup", () -> "http://127.0.0.1:9");
        // a back office not deployed here: no URL
        registry.add("onewindow.gateway.services.supervision", () -> "");
    }
}
