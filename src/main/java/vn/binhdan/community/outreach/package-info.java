/**
 * Outreach: news items, videos, SMS campaigns, loudspeaker broadcasts and social posts, and
 * visual outreach (posters, banners, panels, leaflets), counted per commune and month.
 */
@org.springframework.modulith.NamedInterface("outreach")
package vn.binhdan.community.outreach;
