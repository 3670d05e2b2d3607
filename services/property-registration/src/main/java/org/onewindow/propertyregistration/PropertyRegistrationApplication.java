package org.onewindow.propertyregistration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 不动产登记: the property-registration back office behind the 一窗受理 gateway. The case runtime does
 * the case work; this service decides the registrations finished at the window (即时办结) and keeps
 * what a registration needs beyond a case.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PropertyRegistrationApplication {
    public static void main(String[] args) {
        SpringApplication.run(PropertyRegistrationApplication.class, args);
    }
}
