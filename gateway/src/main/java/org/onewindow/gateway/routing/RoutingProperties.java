package org.onewindow.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each back office runs and how long the front door waits for it.
 *
 * @param services base URL per service id ({@code enterprise-opening: http://127.0.0.1:8081}); an
 *     empty URL: the service is not deployed here, and its requests are told so
 * @param timeLimit the longest a caller waits for a back office before a 503 (never a hang)
 * @param failureRateThreshold percentage of failed calls that opens a service's circuit
 * @param minimumCalls calls seen before the failure rate counts
 * @param openFor how long an open circuit refuses calls; also the Retry-After a caller is given
 * @param maxConcurrentCalls calls one back office is given at once (its bulkhead); the next waits
 *     at most {@code admissionWait} for one of them to finish, then is refused with a 503 instead of
 *     queueing behind them. On a small machine throughput stops growing long before this many; more
 *     would only add waiting.
 * @param admissionWait how long a call may wait for a full back office's next free place, in
 *     arrival order; 0: refused at once. Meant to absorb the burst after a pause of the machine;
 *     off, because no run showed it helps (docs/performance.md, run 8) and every refusal would cost
 *     the wait
 * @param busyRetryAfter the Retry-After of a call refused because the back office was full, while
 *     few callers are waiting; more waiting, a longer one (错峰重试, {@code RetryPacing})
 * @param busyRetryAfterLongest the longest Retry-After a call refused as busy is given, however many
 *     are waiting; under 64 s
 */
@ConfigurationProperties("onewindow.gateway")
public record RoutingProperties(
        @DefaultValue Map<String, URI> services,
        @DefaultValue("5s") Duration timeLimit,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("15s") Duration openFor,
        @DefaultValue("8") int maxConcurrentCalls,
        @DefaultValue("0ms") Duration admissionWait,
        @DefaultValue("1s") Duration busyRetryAfter,
        @DefaultValue("10s") Duration busyRetryAfterLongest) {

    /** The services deployed behind this front door: those with a URL. */
    public Map<String, URI> deployed() {
        Map<String, URI> deployed = new java.util.TreeMap<>();
        services.forEach((id, uri) -> {
            if (uri != null && !uri.toString().isBlank()) {
                deployed.put(id, uri);
            }
        });
        return deployed;
    }
}
