package org.onewindow.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed JWTs shaped like the local Keycloak's, with a key made for this JVM. Services under test
 * validate them for real, fetching the key from {@link #jwkSetUri()}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/onewindow";
    public static final String AUDIENCE = "onewindow-api";
    private static KeyPair keys;
    private static final String KEY_ID = "test";
    private static HttpServer jwks;

    private TestTokens() {}

    /** A token for a user with realm roles and the jurisdiction/department/uscc claims (nullable). */
    public static String issue(
            String username, List<String> roles, String jurisdiction, String department, String uscc) {
        return issue(ISSUER, username, roles, jurisdiction, department, uscc);
    }

    /** A correctly signed clerk token naming another issuer (another realm), to prove it is refused. */
    public static String fromIssuer(String issuer, String jurisdiction) {
        return issue(issuer, "foreign-clerk", List.of("clerk"), jurisdiction, "service-centre", null);
    }

    private static String issue(
            String issuer, String username, List<String> roles, String jurisdiction, String department, String uscc) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles))
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString());
        if (jurisdiction != null) {
            claims.claim("jurisdiction", jurisdiction);
        }
        if (department != null) {
            claims.claim("department", department);
        }
        if (uscc != null) {
            claims.claim("uscc", uscc);
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair().getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Staff of a jurisdiction and department in a role, named after them (fc-planning). */
    public static String staff(String role, String jurisdiction, String department) {
        return issue(jurisdiction.toLowerCase() + "-" + department, List.of(role), jurisdiction, department, null);
    }

    public static String clerk(String jurisdiction) {
        return issue(jurisdiction.toLowerCase() + "-clerk", List.of("clerk"), jurisdiction, "service-centre", null);
    }

    /**
     * The URL of a JWKS endpoint (a small HTTP server in this JVM) publishing the test key, for
     * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}: services under test fetch and
     * cache keys exactly as they do from Keycloak.
     */
    public static synchronized String jwkSetUri() {
        if (jwks == null) {
            try {
                String body = new JWKSet(
                                new RSAKey.Builder((RSAPublicKey) keyPair().getPublic())
                                        .keyID(KEY_ID)
                                        .build())
                        .toString();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                jwks.createContext("/certs", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (var out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                });
                jwks.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs";
    }

    private static synchronized KeyPair keyPair() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }
}
