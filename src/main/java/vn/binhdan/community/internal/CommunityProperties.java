package vn.binhdan.community.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param checkinSecret HMAC key of the check-in codes (class sessions and learners' personal codes)
 * @param defaultCourse the online course a class links to when none is chosen: the citizens' starter course
 */
@ConfigurationProperties("binhdan.community")
public record CommunityProperties(String checkinSecret, String defaultCourse) {

    public CommunityProperties {
        defaultCourse = defaultCourse == null || defaultCourse.isBlank() ? "KNS-NGUOI-DAN" : defaultCourse;
    }
}
