package vn.binhdan.shared.privacy;

import java.util.List;

/**
 * A module's part of "Dữ liệu của tôi": what it holds about one person, in words the person
 * reads. Each module that keeps personal data declares a bean of this type, so the privacy
 * page never reaches into another module's tables.
 */
public interface PersonalDataSource {

    /** Called only for the signed-in person's own id. */
    List<PersonalDataSection> about(long personId);
}
