package vn.binhdan.shared.privacy;

/**
 * A module's part when a person deletes an account that no legal duty keeps: it removes what
 * tells what the person did (answers, reading trail, devices) and keeps what counts and issued
 * certificates rest on. Called inside the erasure's one transaction, for that person only.
 */
public interface PersonalDataEraser {

    /** The kind of data, for the report (e.g. {@code LEARNING}); a message key suffix. */
    String kind();

    /** Anonymises the person's records of this kind; returns how many records changed. */
    int erase(long personId);
}
