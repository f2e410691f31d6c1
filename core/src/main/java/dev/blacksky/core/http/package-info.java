/** The operations server: health checks, Prometheus metrics and the dashboard, behind an access token. */
package dev.blacksky.core.http;
