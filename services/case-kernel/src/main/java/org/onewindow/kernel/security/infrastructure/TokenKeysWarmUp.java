package org.onewindow.kernel.security.infrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Fetches the realm's signing keys (JWKS) before the application reports ready, instead of on the
 * first request a person makes. The decoder fetches keys lazily, when it first checks a signature,
 * so it is handed a token signed by a key it does not know: it fetches and caches the key set, then
 * refuses the token. Keycloak down is logged, never fatal: the first request fetches them then.
 */
public final class TokenKeysWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TokenKeysWarmUp.class);
    private static final String UNKNOWN_KEY_TOKEN = encode("{\"alg\":\"RS256\",\"kid\":\"onewindow-warm-up\"}") + "."
            + encode("{\"sub\":\"warm-up\"}") + "." + encode("not-a-signature");

    private final ObjectProvider<JwtDecoder> decoder;

    public TokenKeysWarmUp(ObjectProvider<JwtDecoder> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        JwtDecoder jwt = decoder.getIfAvailable();
        if (jwt == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            jwt.decode(UNKNOWN_KEY_TOKEN);
        } catch (JwtException expected) {
            log.info(
                    "warm-up: token keys fetched ({} ms): {}",
                    Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    expected.getMessage());
        } catch (RuntimeException e) {
            log.warn("warm-up: token keys not fetched: {}", e.toString());
        }
    }

    private static String encode(String part) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(part.getBytes(StandardCharsets.UTF_8));
    }
}
