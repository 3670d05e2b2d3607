package org.onewindow.supervision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * 督查: the supervisors' back office. It knows the other services' cases only from their events
 * (never their tables), keeps one line per case on its board and flags a case the moment its due
 * date passes, whether or not the owning service says so.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SupervisionApplication {
    public static void main(String[] args) {
        SpringApplication.run(SupervisionApplication.class, args);
    }
}
