package org.onewindow.kernel.security.infrastructure;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a Keycloak access token: realm roles ({@code realm_access.roles}) become {@code ROLE_*}
 * authorities; {@code jurisdiction}, {@code department} and {@code uscc} scope the caller.
 */
public final class Callers implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String JURISDICTION = "jurisdiction";
    public static final String DEPARTMENT = "department";
    public static final String USCC = "uscc";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = roles(jwt).stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, username(jwt));
    }

    public static Caller from(Jwt jwt) {
        return new Caller(
                jwt.getSubject(),
                username(jwt),
                roles(jwt),
                jwt.getClaimAsString(JURISDICTION),
                jwt.getClaimAsString(DEPARTMENT),
                jwt.getClaimAsString(USCC));
    }

    static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof List<?> list) {
            list.forEach(r -> Role.fromClaim(String.valueOf(r)).ifPresent(roles::add));
        }
        return roles;
    }

    private static String username(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return name != null ? name : jwt.getSubject();
    }
}
