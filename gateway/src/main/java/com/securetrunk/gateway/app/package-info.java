/**
 * Entry point, CLI (picocli), lifecycle, wiring, metrics and health endpoints.
 */
package com.securetrunk.gateway.app;
