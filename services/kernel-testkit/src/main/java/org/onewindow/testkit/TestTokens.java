package org.onewindow.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed JWTs shaped like the local Keycloak's, with a key made for this JVM. Services under test
 * validate them for real: point {@code public-key-location} at {@link #publicKeyLocation()}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/onewindow";
    public static final String AUDIENCE = "onewindow-api";
    private static KeyPair keys;
    private static Path publicKeyFile;

    private TestTokens() {}

    /** A token for a user with realm roles and the jurisdiction/department/uscc claims (nullable). */
    public static String issue(
            String username, List<String> roles, String jurisdiction, String department, String uscc) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
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
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair().getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String clerk(String jurisdiction) {
        return issue(jurisdiction.toLowerCase() + "-clerk", List.of("clerk"), jurisdiction, "service-centre", null);
    }

    /** A {@code file:} location of the PEM public key, for {@code spring.security...public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("onewindow-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(keyPair().getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile.toUri().toString();
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
