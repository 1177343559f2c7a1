package vn.binhdan.shared.web;

/**
 * One module's part of the signed-in home page: the template holding a fragment named
 * {@code card(card)}, and the value that fragment shows. Lower {@code order} comes first.
 */
public record HomeCard(int order, String template, Object data) {
}
