package org.onewindow.kernel.config;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every OneWindow application shares ({@code onewindow.*}).
 *
 * @param service the service id (enterprise-opening…); names the Kafka topic and event source;
 *     empty for the gateway
 * @param zone the time zone of the service centres' statutory clock
 * @param catalogueLocation where the catalogue versions are read from
 * @param security the token issuer and the public paths (no login) besides health
 */
@ConfigurationProperties("onewindow")
public record OneWindowProperties(
        @DefaultValue("") String service,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("classpath*:catalogue") String catalogueLocation,
        @DefaultValue Security security) {

    /**
     * @param issuer the OIDC issuer every token must name (the Keycloak realm URL)
     * @param publicPaths Ant-style paths read (GET) without a token
     * @param selfAuthenticatedPaths paths that bring their own login (Camunda's Cockpit on the
     *     local stack), passed through for every method; never set outside a local profile
     */
    public record Security(
            @DefaultValue("http://localhost:8180/realms/onewindow") String issuer,
            @DefaultValue List<String> publicPaths,
            @DefaultValue List<String> selfAuthenticatedPaths) {}
}
