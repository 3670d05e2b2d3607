package org.onewindow.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the web console needs to log in, served to it at run time so one build runs anywhere.
 *
 * @param issuer the realm the browser logs in at (the Keycloak realm URL); the API's issuer unless
 *     the browser reaches Keycloak under another name
 * @param clientId the realm's public client for the console (authorization code with PKCE)
 */
@ConfigurationProperties("onewindow.console")
public record ConsoleProperties(String issuer, String clientId) {}
