/**
 * Running the platform as several instances under load: a bound on the requests in flight
 * (503 with Retry-After beyond it), a request id in every log line and problem response, and the
 * platform's own gauges for Prometheus. Depends on no business module; the gauges read a few
 * status columns of other modules' tables directly, read-only, as a monitoring query would.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vận hành")
package vn.binhdan.operate;
