package org.onewindow.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A case-service test: the whole service on a random port, on its own fresh database of the shared
 * real PostgreSQL, the shared Kafka broker and the test token key ({@link OneWindowTestEnvironment}),
 * with tracing and metrics on as in production (Boot switches them off in tests), and no
 * configuration in the test class. Pair with {@link CaseServiceClient} to apply, act on
 * tasks and read the service's events.
 *
 * <pre>{@code
 * @CaseServiceTest(database = "eo_bundle", properties = "onewindow.case.retry-cycle=R5/PT1S")
 * class BundleLifecycleTest { @LocalServerPort int port; … }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
// each test class has its own database, so its context is never shared; closing it after the class
// also stops its Kafka consumers, which would otherwise stay in the service's consumer groups and
// take partitions (and events) from the next class's context
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface CaseServiceTest {

    /** Prefix of the test's database name (each context gets a fresh database). */
    String database();

    /** Extra properties, as in {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
