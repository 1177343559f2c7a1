/**
 * Live values of the computed indicators per unit, target group and month, rolled up the unit
 * tree from certification (and, as they appear, community) events; a recompute from the source
 * rows that checks them; dashboards and the emulation ranking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Giám sát")
package vn.binhdan.monitoring;
