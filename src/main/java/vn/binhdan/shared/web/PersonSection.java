package vn.binhdan.shared.web;

import java.util.Optional;

/**
 * Lets a module add a panel to a person's page (their rewards, say) without the people module
 * knowing it. Called only after the page has checked the reader may see the person; a section
 * shows nothing rather than fail. The template holds a fragment named {@code panel(panel)}.
 */
public interface PersonSection {

    Optional<HomeCard> panel(long personId);
}
