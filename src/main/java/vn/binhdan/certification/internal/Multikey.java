package vn.binhdan.certification.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ed25519 public keys as W3C Multikey ({@code publicKeyMultibase} "z6Mk…": the multicodec
 * {@code ed25519-pub} prefix 0xed 0x01, then the 32-byte raw key, base58-btc with the multibase
 * prefix "z"), and the issuer's published controller document that lists them.
 *
 * <p>Keys are plain JDK keys ({@code KeyPairGenerator.getInstance("Ed25519")}); no other crypto
 * library is involved. Stateless and thread-safe.
 */
public final class Multikey {

    /** The {@code @context} of the issuer's controller document, in this order. */
    public static final List<String> CONTROLLER_DOCUMENT_CONTEXT = List.of(
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/multikey/v1");

    private static final byte[] ED25519_PUB_MULTICODEC = {(byte) 0xed, 0x01};
    /** multicodec {@code ed25519-priv} (0x1300) as an unsigned varint. */
    private static final byte[] ED25519_PRIV_MULTICODEC = {(byte) 0x80, 0x26};
    /** DER of SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112) up to the 32 key bytes. */
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    /** DER of PKCS#8 PrivateKeyInfo for Ed25519 up to the 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    private static final int KEY_LENGTH = 32;

    private static final char[] ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Multikey() {}

    /** {@code publicKeyMultibase} of an Ed25519 public key: "z6Mk…". */
    public static String encode(PublicKey ed25519) {
        return "z" + base58Encode(concat(ED25519_PUB_MULTICODEC, rawPublicKey(ed25519)));
    }

    /**
     * The Ed25519 public key of a {@code publicKeyMultibase} ("z6Mk…").
     *
     * @throws IllegalArgumentException if it is not a base58-btc multibase Ed25519 public key
     */
    public static PublicKey decode(String multibase) {
        byte[] bytes = multibaseDecode(multibase);
        if (bytes.length != ED25519_PUB_MULTICODEC.length + KEY_LENGTH
                || bytes[0] != ED25519_PUB_MULTICODEC[0]
                || bytes[1] != ED25519_PUB_MULTICODEC[1]) {
            throw new IllegalArgumentException("not an Ed25519 Multikey public key: " + multibase);
        }
        byte[] raw = Arrays.copyOfRange(bytes, ED25519_PUB_MULTICODEC.length, bytes.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + multibase, e);
        }
    }

    /**
     * The Ed25519 private key of a {@code secretKeyMultibase} ("z3u2…": multicodec
     * {@code ed25519-priv} and the 32-byte seed), the form test vectors publish keys in.
     *
     * @throws IllegalArgumentException if it is not a base58-btc multibase Ed25519 secret key
     */
    public static PrivateKey decodeSecretKey(String secretKeyMultibase) {
        byte[] bytes = multibaseDecode(secretKeyMultibase);
        if (bytes.length != ED25519_PRIV_MULTICODEC.length + KEY_LENGTH
                || bytes[0] != ED25519_PRIV_MULTICODEC[0]
                || bytes[1] != ED25519_PRIV_MULTICODEC[1]) {
            throw new IllegalArgumentException("not an Ed25519 Multikey secret key");
        }
        byte[] seed = Arrays.copyOfRange(bytes, ED25519_PRIV_MULTICODEC.length, bytes.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 secret key", e);
        }
    }

    /**
     * The issuer's published document: an Open Badges 3.0 issuer {@code Profile} that is also a
     * controller document for its keys, so verifiers that dereference a proof's
     * {@code verificationMethod} (e.g. {@code https://binhdan.example/issuers/66#key-1}) find the
     * key and see it authorized for {@code assertionMethod}:
     *
     * <pre>{@code
     * {"@context": [credentials v2, OB 3.0.3, DID v1, Multikey v1],
     *  "id": controllerId, "type": ["Profile"], "name": name,
     *  "verificationMethod": [{"id": "…#key-1", "type": "Multikey", "controller": controllerId,
     *                          "publicKeyMultibase": "z6Mk…"}, …],
     *  "assertionMethod": ["…#key-1", …]}
     * }</pre>
     *
     * <p>List every key whose credentials must still verify: after a rotation the old key stays
     * here (until every credential it signed is re-issued or revoked), the new one is added. Keys
     * appear in the map's order when it has one (e.g. {@link java.util.LinkedHashMap}), otherwise
     * sorted by id, so the same keys always give the same document. The DID v1 context supplies
     * only the term definitions of {@code verificationMethod}, {@code assertionMethod} and
     * {@code controller} (the same IRIs as the W3C CID v1 context, which no maintained npm package
     * ships); the document does not claim to be a DID document.
     *
     * @param controllerId the issuer profile's URL, equal to the credentials' {@code issuer.id}
     * @param keysByVerificationMethodId each key by its verification method id, which must be
     *     {@code controllerId + "#" + fragment}
     * @throws IllegalArgumentException on a blank id or name, no keys, a verification method id
     *     outside the controller document, or a key that is not Ed25519
     */
    public static ObjectNode controllerDocument(
            String controllerId, String name, Map<String, PublicKey> keysByVerificationMethodId) {
        if (controllerId == null || controllerId.isBlank() || controllerId.contains("#")) {
            throw new IllegalArgumentException("controllerId must be a URL without a fragment: " + controllerId);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (keysByVerificationMethodId == null || keysByVerificationMethodId.isEmpty()) {
            throw new IllegalArgumentException("at least one key is required");
        }
        List<String> ids = new ArrayList<>(keysByVerificationMethodId.keySet());
        if (!(keysByVerificationMethodId instanceof SequencedMap<?, ?>)) {
            ids.sort(null);
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode document = json.objectNode();
        ArrayNode context = document.putArray("@context");
        CONTROLLER_DOCUMENT_CONTEXT.forEach(context::add);
        document.put("id", controllerId);
        document.putArray("type").add("Profile");
        document.put("name", name);
        ArrayNode methods = document.putArray("verificationMethod");
        ArrayNode assertion = document.putArray("assertionMethod");
        String prefix = controllerId + "#";
        for (String id : ids) {
            if (id == null || !id.startsWith(prefix) || id.length() == prefix.length()) {
                throw new IllegalArgumentException(
                        "verification method id must be " + prefix + "<fragment>: " + id);
            }
            PublicKey key = keysByVerificationMethodId.get(id);
            ObjectNode method = methods.addObject();
            method.put("id", id);
            method.put("type", "Multikey");
            method.put("controller", controllerId);
            method.put("publicKeyMultibase", encode(key));
            assertion.add(id);
        }
        return document;
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    static byte[] rawPublicKey(PublicKey ed25519) {
        if (ed25519 == null) {
            throw new IllegalArgumentException("key is required");
        }
        byte[] encoded = ed25519.getEncoded();
        if (encoded == null
                || encoded.length != X509_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + ed25519.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /** Bytes of a base58-btc multibase string ("z…"). */
    static byte[] multibaseDecode(String multibase) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("not a base58-btc multibase value (\"z…\")");
        }
        return base58Decode(multibase.substring(1));
    }

    /** Base58 (Bitcoin alphabet) of the bytes; each leading zero byte becomes a "1". */
    public static String base58Encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] number = input.clone();
        // at most log(256)/log(58) ≈ 1.37 digits per byte
        char[] encoded = new char[input.length * 2];
        int out = encoded.length;
        int start = zeros;
        while (start < number.length) {
            encoded[--out] = ALPHABET[divmod(number, start, 256, 58)];
            if (number[start] == 0) {
                start++;
            }
        }
        while (out < encoded.length && encoded[out] == ALPHABET[0]) {
            out++;
        }
        while (--zeros >= 0) {
            encoded[--out] = ALPHABET[0];
        }
        return new String(encoded, out, encoded.length - out);
    }

    /**
     * Bytes of a Base58 (Bitcoin alphabet) string; each leading "1" becomes a zero byte.
     *
     * @throws IllegalArgumentException on a character outside the alphabet
     */
    public static byte[] base58Decode(String input) {
        if (input.isEmpty()) {
            return new byte[0];
        }
        byte[] digits = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not base58: character '" + c + "' at " + i);
            }
            digits[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < digits.length && digits[zeros] == 0) {
            zeros++;
        }
        byte[] decoded = new byte[input.length()];
        int out = decoded.length;
        int start = zeros;
        while (start < digits.length) {
            decoded[--out] = divmod(digits, start, 58, 256);
            if (digits[start] == 0) {
                start++;
            }
        }
        while (out < decoded.length && decoded[out] == 0) {
            out++;
        }
        return Arrays.copyOfRange(decoded, out - zeros, decoded.length);
    }

    /** Divides number[firstDigit..] (digits in base) by divisor in place; returns the remainder. */
    private static byte divmod(byte[] number, int firstDigit, int base, int divisor) {
        int remainder = 0;
        for (int i = firstDigit; i < number.length; i++) {
            int digit = number[i] & 0xFF;
            int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return (byte) remainder;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        return bytes;
    }
}
