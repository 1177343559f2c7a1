package vn.binhdan.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo data on first start (when the database has no units)
 * @param persons how many residents to generate
 */
@ConfigurationProperties("binhdan.demo")
record DemoProperties(boolean enabled, Integer persons) {

    DemoProperties {
        persons = persons == null ? 20_000 : persons;
        if (persons < 1) {
            throw new IllegalArgumentException("binhdan.demo.persons must be at least 1");
        }
    }
}
