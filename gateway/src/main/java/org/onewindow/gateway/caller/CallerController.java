package org.onewindow.gateway.caller;

import java.util.List;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the front door takes the caller to be: what a window client shows in its header (name,
 * role, 辖区) and the quickest proof that a Keycloak token is accepted.
 */
@RestController
class CallerController {

    /** The caller as every back office will see them; absent claims are null. */
    record Me(
            String subject,
            String username,
            List<String> roles,
            String principalRole,
            String jurisdiction,
            String department,
            String uscc) {}

    @GetMapping("/api/v1/me")
    Me me(Caller caller) {
        return new Me(
                caller.subject(),
                caller.username(),
                caller.roles().stream().map(Role::name).sorted().toList(),
                caller.principalRole().name(),
                caller.jurisdiction(),
                caller.department(),
                caller.uscc());
    }
}
