package org.onewindow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitoringQueriesTest {

    @Test
    void aQueryReadsItsMetricsNotItsFunctionsLabelsOrDurations() {
        String expr = "sum by (jurisdiction) (increase(onewindow_case_events_total{type=\"case.sla-breached\"}[1d]))"
                + " / clamp_min(sum by (jurisdiction) (increase(onewindow_cases_accepted_total[1d])), 1) > 0.05";
        assertThat(MonitoringQueries.metricNames(expr))
                .containsExactly("onewindow_case_events_total", "onewindow_cases_accepted_total");
        assertThat(MonitoringQueries.metricNames("max(http_server_requests_seconds_max{application=\"gateway\"})"))
                .containsExactly("http_server_requests_seconds_max");
        assertThat(MonitoringQueries.metricNames("rate(x_seconds_sum[5m]) / clamp_min(y, 1e-9)"))
                .containsExactly("x_seconds_sum", "y");
    }

    @Test
    void aScrapeListsItsSampleNames() {
        String scrape = "# HELP a_total things\n# TYPE a_total counter\na_total{x=\"1\"} 3.0\nb 2\n";
        assertThat(MonitoringQueries.sampleNames(scrape)).containsExactly("a_total", "b");
    }

    @Test
    void everyDashboardAndRuleHasQueries() {
        assertThat(MonitoringQueries.all())
                .hasSizeGreaterThan(20)
                .allSatisfy(q -> assertThat(q.metrics()).as(q.where()).isNotEmpty());
    }
}
