package org.onewindow.runtime.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.onewindow.kernel.application.model.Application;
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
        Application.checkSize(body.length);
        if (!IdempotencyStore.wellFormed(idempotencyKey)) {
            throw Rejection.invalid(FieldViolation.of(
                    "Idempotency-Key",
                    "idempotency-key.missing",
                    "请求头须带 Idempotency-Key（8–128 个字符，如 UUID），重试时用同一个",
                    "send an Idempotency-Key header (8-128 characters, e.g. a UUID) and reuse it on retry"));
        }
        // the raw body is kept for the Idempotency-Key's fingerprint; parse errors name the field
        Application application;
        try {
            application = json.readValue(body, Application.class);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException(e.getMessage(), e, new ServletServerHttpRequest(request));
        }
        IdempotencyStore.Answer answer = work.run(() -> {
            Optional<IdempotencyStore.Answer> kept = idempotency.replay(caller.subject(), idempotencyKey, body);
            if (kept.isPresent()) {
                return kept.get();
            }
            Receipt receipt = intake.apply(caller, application);
            IdempotencyStore.Answer first =
                    new IdempotencyStore.Answer(receipt.opensACase() ? 201 : 422, write(receipt));
            idempotency.remember(caller.subject(), idempotencyKey, body, first);
            return first;
        });
        return ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    private String write(Receipt receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
