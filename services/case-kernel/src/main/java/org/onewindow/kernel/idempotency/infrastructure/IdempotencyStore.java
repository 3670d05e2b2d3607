package org.onewindow.kernel.idempotency.infrastructure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.text.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the first answer to each (caller, Idempotency-Key) so that a retry gets the same answer
 * and never a second case. Call {@link #replay} before acting and {@link #remember} in the same
 * transaction as the state change; a concurrent duplicate then fails on the primary key and its
 * transaction rolls back, storing nothing.
 */
public final class IdempotencyStore {

    /** A kept answer: the HTTP status and the JSON body. */
    public record Answer(int status, String body) {}

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kept answer for this key, if any; a conflict if the key was used with another body. */
    public Optional<Answer> replay(String caller, String key, byte[] body) {
        String hash = hash(body);
        List<Kept> kept = jdbc.sql("SELECT request_hash, status, response::text AS response FROM idempotency_key"
                        + " WHERE caller = ? AND key = ?")
                .params(caller, key)
                .query((rs, i) -> new Kept(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .list();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        if (!kept.get(0).hash().equals(hash)) {
            throw new Rejection(
                    Rejection.Kind.CONFLICT,
                    "idempotency-key.reused",
                    new LocalizedText(
                            "该幂等键已用于另一份申请，请换一个新的 Idempotency-Key",
                            "this Idempotency-Key was used for a different application; use a new key"),
                    List.of(FieldViolation.of(
                            "Idempotency-Key",
                            "idempotency-key.reused",
                            "幂等键重复使用：" + key,
                            "key already used with another body: " + key)));
        }
        return Optional.of(new Answer(kept.get(0).status(), kept.get(0).response()));
    }

    public void remember(String caller, String key, byte[] body, Answer answer) {
        jdbc.sql("INSERT INTO idempotency_key (caller, key, request_hash, status, response)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(caller, key, hash(body), answer.status(), answer.body())
                .update();
    }

    /** Whether a key looks like one: 8–128 printable ASCII characters (UUIDs, ULIDs, …). */
    public static boolean wellFormed(String key) {
        return key != null && key.matches("[\\x21-\\x7E]{8,128}");
    }

    static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Kept(String hash, int status, String response) {}
}
