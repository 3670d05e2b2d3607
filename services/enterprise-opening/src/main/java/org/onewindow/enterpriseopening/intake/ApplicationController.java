package org.onewindow.enterpriseopening.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.idempotency.infrastructure.IdempotencyStore;
import org.onewindow.kernel.security.model.Caller;
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
 * first answer again.
 */
@RestController
class ApplicationController {

    private final Intake intake;
    private final ObjectMapper json;

    ApplicationController(Intake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> apply(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody byte[] body,
            HttpServletRequest request) {
        // the raw body is kept for the Idempotency-Key's fingerprint; parse errors name the field
        Application.checkSize(body.length);
        Application application;
        try {
            application = json.readValue(body, Application.class);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException(e.getMessage(), e, new ServletServerHttpRequest(request));
        }
        IdempotencyStore.Answer answer = intake.apply(caller, idempotencyKey, body, application);
        return ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }
}
