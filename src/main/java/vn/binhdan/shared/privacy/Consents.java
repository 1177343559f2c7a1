package vn.binhdan.shared.privacy;

import java.util.Collection;
import java.util.Set;

/**
 * Asked by whichever module does processing a person may refuse, before it does it: a withdrawn
 * consent stops that processing at once, without the module knowing how consents are kept.
 */
public interface Consents {

    /** True when the person's choice in force for the purpose is a refusal (or a withdrawal). */
    boolean withheld(long personId, ConsentPurpose purpose);

    /** Of the given persons, those whose choice in force for the purpose is a refusal. */
    Set<Long> withholding(ConsentPurpose purpose, Collection<Long> personIds);
}
