package org.onewindow.enterpriseopening;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * 开办企业: the enterprise-opening back office behind the 一窗受理 gateway. The case runtime does the
 * case work; this service adds its reform paths, 智能审批 criteria and the establishment listener.
 */
@SpringBootApplication
public class EnterpriseOpeningApplication {
    public static void main(String[] args) {
        SpringApplication.run(EnterpriseOpeningApplication.class, args);
    }
}
