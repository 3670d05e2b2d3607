package org.onewindow.bench.barecamunda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark harness's baseline: a plain Camunda 7 engine with its own REST API
 * ({@code /engine-rest}) on the same PostgreSQL as the local stack, deploying only the EO-1 bundle
 * model ({@code enterprise-opening-bundle.bpmn}), with no gateway, no security and no OneWindow
 * code. Starting that process here measures what the engine alone costs, so the intake's numbers
 * can be read against it.
 *
 * <p>Started with {@code smartApproval=false}, an instance stops at the user task
 * {@code review-business-licence} before any delegate, so none of the model's beans
 * ({@code componentRegistration} and the like) are needed. Run by {@code infra/bench/bare-camunda.sh}.
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
