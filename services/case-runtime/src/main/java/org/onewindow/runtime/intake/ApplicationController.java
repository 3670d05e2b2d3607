package org.onewindow.runtime.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.JointApplication;
import org.onewindow.kernel.application.model.JointReceipt;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.idempotency.infrastructure.IdempotencyStore;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/applications}: the single-window application, reached through the gateway.
 * Answers 201 with the 受理回执 when a case is opened, 422 with the one complete list of what is
 * missing (补正) or the reason (不予受理) when not; a retry with the same Idempotency-Key gets the
 * first answer again. The key, the case and its events commit in one transaction.
 */
@RestController
public class ApplicationController {

    private final Intake intake;
    private final IdempotencyStore idempotency;
    private final UnitOfWork work;
    private final ObjectMapper json;

    ApplicationController(Intake intake, IdempotencyStore idempotency, UnitOfWork work, ObjectMapper json) {
        this.intake = intake;
        this.idempotency = idempotency;
        this.work = work;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> apply(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody byte[] body,
            HttpServletRequest request) {
        Application application = read(body, Application.class, idempotencyKey, request);
        return once(caller, idempotencyKey, body, () -> {
            Receipt receipt = intake.apply(caller, application);
            return new IdempotencyStore.Answer(receipt.opensACase() ? 201 : 422, write(receipt));
        });
    }

    /**
     * 联合申报 ({@code POST /api/v1/{service}/joint-applications}): several matters of this service
     * with their shared materials once. 201 with every matter's 受理回执 when all are accepted; 422
     * with one consolidated list (统一补正) when any is not, and no case is opened.
     */
    @PostMapping(path = "/api/v1/${onewindow.service}/joint-applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> applyJointly(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody byte[] body,
            HttpServletRequest request) {
        JointApplication joint = read(body, JointApplication.class, idempotencyKey, request);
        return once(caller, idempotencyKey, body, () -> {
            JointReceipt receipt = intake.applyJointly(caller, joint);
            return new IdempotencyStore.Answer(receipt.opensCases() ? 201 : 422, write(receipt));
        });
    }

    private <T> T read(byte[] body, Class<T> type, String idempotencyKey, HttpServletRequest request) {
        Application.checkSize(body.length);
        if (!IdempotencyStore.wellFormed(idempotencyKey)) {
            throw Rejection.invalid(FieldViolation.of(
                    "Idempotency-Key",
                    "idempotency-key.missing",
                    "请求头须带 Idempotency-Key（8–128 个字符，如 UUID），重试时用同一个",
                    "send an Idempotency-Key header (8-128 characters, e.g. a UUID) and reuse it on retry"));
        }
        // the raw body is kept for the Idempotency-Key's fingerprint; parse errors name the field
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException(e.getMessage(), e, new ServletServerHttpRequest(request));
        }
    }

    /** The first answer under this key, or this one, kept with the cases in one transaction. */
    private ResponseEntity<String> once(
            Caller caller, String idempotencyKey, byte[] body, Supplier<IdempotencyStore.Answer> first) {
        IdempotencyStore.Answer answer = work.run(() -> {
            Optional<IdempotencyStore.Answer> kept = idempotency.replay(caller.subject(), idempotencyKey, body);
            if (kept.isPresent()) {
                return kept.get();
            }
            IdempotencyStore.Answer given = first.get();
            idempotency.remember(caller.subject(), idempotencyKey, body, given);
            return given;
        });
        return ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    private String write(Object receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
