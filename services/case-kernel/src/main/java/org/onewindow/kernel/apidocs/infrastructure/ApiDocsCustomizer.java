package org.onewindow.kernel.apidocs.infrastructure;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.http.HttpRequest;

/**
 * What every OneWindow API description says about reaching the API, so that the gateway's Swagger
 * UI can call any service with a Keycloak token:
 *
 * <ul>
 *   <li>how to get a token: the realm's authorization code flow (Swagger UI's "Authorize", with
 *       PKCE, as a public client) or a token pasted as a bearer (e.g. from
 *       {@code infra/check-token.sh});
 *   <li>where the API is: the server "/", relative to wherever the description was fetched. Through
 *       the gateway that is the gateway; springdoc's own guess would be the service's internal
 *       address, which a browser neither may nor should call.
 * </ul>
 */
public final class ApiDocsCustomizer implements GlobalOpenApiCustomizer, ServerBaseUrlCustomizer {

    static final String KEYCLOAK = "keycloak";
    static final String BEARER = "bearer";

    private final String issuer;

    /** @param issuer the realm URL, as the browser reaches it ({@code onewindow.security.issuer}) */
    public ApiDocsCustomizer(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents()
                .addSecuritySchemes(
                        KEYCLOAK,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description("Keycloak realm " + issuer + " (authorization code with PKCE)")
                                .flows(new OAuthFlows()
                                        .authorizationCode(new OAuthFlow()
                                                .authorizationUrl(issuer + "/protocol/openid-connect/auth")
                                                .tokenUrl(issuer + "/protocol/openid-connect/token")
                                                .scopes(new Scopes().addString("openid", "OpenID Connect")))))
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("an access token of the realm, e.g. from infra/check-token.sh"));
        // either scheme will do (a list of requirements is an "or")
        if (api.getSecurity() == null || api.getSecurity().isEmpty()) {
            api.addSecurityItem(new SecurityRequirement().addList(KEYCLOAK));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
    }

    @Override
    public String customize(String serverBaseUrl, HttpRequest request) {
        return "/";
    }
}
