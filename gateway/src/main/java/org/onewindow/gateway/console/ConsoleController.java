package org.onewindow.gateway.console;

import java.util.List;
import org.onewindow.gateway.routing.RoutingProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's run-time settings: where it logs in, as which client, and which back offices the
 * front door routes (so the workspaces ask only services that run). Public, like the page.
 */
@RestController
class ConsoleController {

    private final ConsoleProperties properties;
    private final List<String> services;

    ConsoleController(ConsoleProperties properties, RoutingProperties routing) {
        this.properties = properties;
        this.services = routing.deployed().keySet().stream().sorted().toList();
    }

    /**
     * The login settings of the console (the realm's issuer URL and the public client's id) and the
     * ids of the services behind the front door.
     */
    record ConsoleConfig(String issuer, String clientId, List<String> services) {}

    @GetMapping("/api/v1/console/config")
    ConsoleConfig config() {
        return new ConsoleConfig(properties.issuer(), properties.clientId(), services);
    }
}
