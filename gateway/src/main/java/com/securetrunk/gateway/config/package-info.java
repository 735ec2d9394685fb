/**
 * HOCON application configuration loaded into typed, validated, immutable records.
 */
package com.securetrunk.gateway.config;
