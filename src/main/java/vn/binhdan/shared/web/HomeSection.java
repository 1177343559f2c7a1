package vn.binhdan.shared.web;

import java.util.Optional;
import vn.binhdan.shared.AppUser;

/**
 * Lets a module put what matters to a user on the home page (a learner's next lesson, say)
 * without the home page knowing every module: each module that has something to show declares a
 * bean of this type.
 */
public interface HomeSection {

    Optional<HomeCard> card(AppUser user);
}
