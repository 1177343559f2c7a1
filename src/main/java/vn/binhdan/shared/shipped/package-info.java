/**
 * Which release of each piece of shipped content a province runs (the {@code shipped_content}
 * table), and the one rule every kind of content follows when a new release starts: install what
 * the province left as shipped, keep what it edited and list it for an author.
 */
package vn.binhdan.shared.shipped;
