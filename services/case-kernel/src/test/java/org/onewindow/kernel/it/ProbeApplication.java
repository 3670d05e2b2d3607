package org.onewindow.kernel.it;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.onewindow.kernel.security.model.Caller;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The smallest application on the kernel: what a service gets by adding the starter. */
@SpringBootApplication
public class ProbeApplication {

    @RestController
    static class Probe {
        @GetMapping("/probe/whoami")
        Caller whoami(Caller caller) {
            return caller;
        }

        @PostMapping("/probe/echo")
        Map<String, Object> echo(@Valid @RequestBody Echo body) {
            return Map.of("name", body.name(), "amount", body.amount());
        }
    }

    record Echo(@NotBlank String name, @Min(0) int amount) {}
}
