package vn.binhdan.privacy.web;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.binhdan.privacy.Corrections;
import vn.binhdan.privacy.PrivacyNotices;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.web.HomeCard;
import vn.binhdan.shared.web.HomeSection;

/**
 * The privacy notice comes first after signing in until the person has answered its current
 * version; after that, a way to their data. Officers who answer corrections see how many wait.
 */
@Component
class PrivacyHomeSection implements HomeSection {

    private final PrivacyNotices notices;
    private final Corrections corrections;

    PrivacyHomeSection(PrivacyNotices notices, Corrections corrections) {
        this.notices = notices;
        this.corrections = corrections;
    }

    record Card(boolean person, boolean pending, boolean handler, int openCorrections, boolean admin) {
    }

    @Override
    public Optional<HomeCard> card(AppUser user) {
        boolean person = user.personId() != null;
        boolean handler = corrections.handles(user);
        boolean admin = user.has(Role.PROVINCE_ADMIN) || user.has(Role.SYSTEM_ADMIN);
        if (!person && !handler) {
            return Optional.empty();
        }
        boolean pending = person && notices.pending(user);
        return Optional.of(new HomeCard(pending ? 0 : 90, "privacy/home-card",
                new Card(person, pending, handler, handler ? corrections.openCount(user) : 0, admin)));
    }
}
