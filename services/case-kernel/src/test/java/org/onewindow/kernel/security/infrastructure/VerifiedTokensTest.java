package org.onewindow.kernel.security.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    final List<String> verifications = new ArrayList<>();
    Instant now = NOW;
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Verifies "good-*" tokens (valid five minutes from the moment of verification), refuses others. */
    final JwtDecoder realm = token -> {
        verifications.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("fc-clerk")
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .build();
    };

    final VerifiedTokens tokens = new VerifiedTokens(realm, Duration.ofMinutes(10), 100, clock);

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainNotServedFromMemory() {
        tokens.decode("good-1");
        now = NOW.plus(Duration.ofMinutes(6));

        tokens.decode("good-1");

        assertThat(verifications).containsExactly("good-1", "good-1");
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndRefusedEachTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }
}
