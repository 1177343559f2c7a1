/**
 * A person's rights over their data under the Personal Data Protection Law: the privacy notice
 * each province sets (versioned, never edited once read) and consents per purpose recorded with
 * the notice answered; "Dữ liệu của tôi" — everything held about the person, with who read their
 * record; correction requests handled by the commune; and retention rules applied nightly.
 * Other modules take part only through the extension points in {@code shared.privacy}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bảo vệ dữ liệu cá nhân")
package vn.binhdan.privacy;
