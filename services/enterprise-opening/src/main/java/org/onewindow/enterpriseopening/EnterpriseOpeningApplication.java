package org.onewindow.enterpriseopening;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 开办企业: the enterprise-opening back office behind the 一窗受理 gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EnterpriseOpeningApplication {
    public static void main(String[] args) {
        SpringApplication.run(EnterpriseOpeningApplication.class, args);
    }
}
