package org.onewindow.utilityhookup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 水电气热信报装: the utility-hookup back office behind the 一窗受理 gateway. The case runtime does the
 * case work; the utility companies' staff work the connection steps, and this service chooses a
 * connection's steps and opens the 过户 that a registered property transfer calls for.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UtilityHookupApplication {
    public static void main(String[] args) {
        SpringApplication.run(UtilityHookupApplication.class, args);
    }
}
