/**
 * Events of the movement (the launch ceremony, the learning festival of 10 October, conferences)
 * and how many people of each unit took part.
 */
@org.springframework.modulith.NamedInterface("events")
package vn.binhdan.community.events;
