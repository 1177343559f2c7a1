package vn.binhdan.people.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of everything an import sets on a person, so a re-import can tell "unchanged" from
 * "changed" without comparing column by column, on any database.
 */
public final class DataHash {

    private final MessageDigest digest;
    private final StringBuilder sb = new StringBuilder(256);

    public DataHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String of(Object... fields) {
        sb.setLength(0);
        for (Object f : fields) {
            sb.append(f == null ? "" : f.toString()).append('\u001f');
        }
        return HexFormat.of().formatHex(digest.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
