package org.onewindow.gateway.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console's run-time settings: where it logs in and as which client. Public, like the page. */
@RestController
class ConsoleController {

    private final ConsoleProperties properties;

    ConsoleController(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** The login settings of the console: the realm's issuer URL and the public client's id. */
    record ConsoleConfig(String issuer, String clientId) {}

    @GetMapping("/api/v1/console/config")
    ConsoleConfig config() {
        return new ConsoleConfig(properties.issuer(), properties.clientId());
    }
}
