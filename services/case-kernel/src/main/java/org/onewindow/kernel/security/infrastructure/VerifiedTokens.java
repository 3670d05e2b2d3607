package org.onewindow.kernel.security.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified, so a clerk's token is verified once and not on every request
 * (an RSA signature check, JSON parsing and the validators, twice per request: at the gateway and
 * at the service). A remembered token is forgotten when it expires, and at the latest after
 * {@code maxAge}, so that a signing key withdrawn from the realm stops being honoured within that
 * time. Tokens that fail are never remembered: each attempt is verified and refused again.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder verifier, Duration maxAge, long maxTokens, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(untilExpiry(maxAge, clock))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private boolean stillValid(Jwt jwt) {
        return jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt());
    }

    private static Expiry<String, Jwt> untilExpiry(Duration maxAge, Clock clock) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                Instant expiresAt = jwt.getExpiresAt();
                Duration left = expiresAt == null ? maxAge : Duration.between(clock.instant(), expiresAt);
                return Math.max(0, Math.min(left.toNanos(), maxAge.toNanos()));
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return expireAfterCreate(token, jwt, currentTime);
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
