/**
 * Metrics (Micrometer, exposed in the Prometheus text format), health and readiness, and the admin HTTP endpoint
 * (JDK {@code com.sun.net.httpserver}).
 *
 * <p>Nothing here touches the packet path: media counters are Micrometer function counters that read
 * {@link com.securetrunk.gateway.media.MediaRelay#totals()} when scraped (at most once per scrape), and call events
 * arrive once per call through {@link com.securetrunk.gateway.sip.CallObserver}.
 */
package com.securetrunk.gateway.app.metrics;
