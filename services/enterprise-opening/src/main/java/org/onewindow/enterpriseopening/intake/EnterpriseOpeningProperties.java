package org.onewindow.enterpriseopening.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the enterprise-opening service ({@code onewindow.enterprise-opening.*}).
 *
 * @param registrationRetryCycle how often a component's call to a department's system is retried
 *     while that system is down (ISO-8601 repeat, e.g. R20/PT30S); the case waits, it is not lost
 */
@ConfigurationProperties("onewindow.enterprise-opening")
public record EnterpriseOpeningProperties(@DefaultValue("R20/PT30S") String registrationRetryCycle) {}
