package vn.binhdan.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPOutputStream;

/**
 * The W3C Bitstring Status List: one bit per certificate of an issuer (1 = revoked), the left-most
 * bit first, gzip-compressed and written as multibase base64url. 131,072 entries (16 KB) is the
 * specification's minimum, which hides any one holder among many.
 */
public final class StatusList {

    public static final int SIZE = 131_072;

    private StatusList() {
    }

    public static String encode(Collection<Integer> revokedIndexes) {
        byte[] bits = new byte[SIZE / 8];
        for (int index : revokedIndexes) {
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
