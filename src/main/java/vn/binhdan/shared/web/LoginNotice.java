package vn.binhdan.shared.web;

import java.util.Optional;

/**
 * Something everyone about to sign in should know now (the demo data still loading, so the demo
 * accounts do not exist yet), shown on the login page above the form. A module that may have such
 * news declares a bean of this type; the message key is resolved in the reader's language.
 */
public interface LoginNotice {

    Optional<String> messageKey();
}
