package vn.binhdan.people;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param adultAge the age from which a resident counts as an adult citizen */
@ConfigurationProperties("binhdan.people")
public record PeopleProperties(Integer adultAge) {

    public PeopleProperties {
        adultAge = adultAge == null ? 18 : adultAge;
    }
}
