package org.onewindow.constructionpermit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 工程建设项目审批: the construction-permit back office behind the 一窗受理 gateway. The case runtime
 * does the case work; this service adds the project each permit belongs to, its stages and its
 * whole-process clock, and the completion-acceptance event property registration waits for.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConstructionPermitApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConstructionPermitApplication.class, args);
    }
}
