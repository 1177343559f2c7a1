package vn.binhdan.certification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import vn.binhdan.certification.CertificationProperties;

/**
 * Each issuing province's Ed25519 keys. One key signs at a time; rotation adds a key and retires
 * the old one, which stays published so everything it signed still verifies. Private keys are
 * stored sealed (AES-GCM) under the configured secret, never in clear.
 */
@Component
public class IssuerKeys {

    public record IssuerKey(String issuerCode, String keyId, PublicKey publicKey, boolean current) {
    }

    public record SigningKey(String keyId, PrivateKey privateKey) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretKeySpec seal;
    private final SecureRandom random = new SecureRandom();
    /** Public keys by issuer and key id: they never change once made, so verification reads them from memory. */
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    private final TransactionTemplate own;

    public IssuerKeys(JdbcClient jdbc, Clock clock, CertificationProperties props,
                      org.springframework.transaction.PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(txm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        try {
            byte[] k = MessageDigest.getInstance("SHA-256").digest(("binhdan-issuer-keys:" + props.keySecret())
                    .getBytes(StandardCharsets.UTF_8));
            this.seal = new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key that signs now, made on first use. Call within a transaction. */
    public SigningKey signing(String issuerCode) {
        Optional<Map.Entry<String, String>> row = jdbc.sql("""
                SELECT key_id, private_key FROM issuer_key WHERE issuer_code = ? AND retired_at IS NULL""")
                .param(issuerCode).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).optional();
        if (row.isEmpty()) {
            // the first key is made in its own transaction: two first certificates at once must
            // not both make one (the loser reads the winner's)
            try {
                own.executeWithoutResult(s -> create(issuerCode, "key-1"));
            } catch (DuplicateKeyException madeMeanwhile) {
                // fine: read it below
            }
            return signing(issuerCode);
        }
        return new SigningKey(row.get().getKey(), unseal(row.get().getValue()));
    }

    /** Retires the signing key and makes the next one; returns the new key id. */
    public String rotate(String issuerCode) {
        List<String> ids = jdbc.sql("SELECT key_id FROM issuer_key WHERE issuer_code = ?").param(issuerCode)
                .query(String.class).list();
        jdbc.sql("UPDATE issuer_key SET retired_at = ? WHERE issuer_code = ? AND retired_at IS NULL")
                .params(Timestamp.from(clock.instant()), issuerCode).update();
        String next = "key-" + (ids.size() + 1);
        create(issuerCode, next);
        return next;
    }

    private SigningKey create(String issuerCode, String keyId) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            jdbc.sql("""
                    INSERT INTO issuer_key (issuer_code, key_id, public_key, private_key, created_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(issuerCode, keyId, Multikey.encode(pair.getPublic()), sealed(pair.getPrivate()),
                            Timestamp.from(clock.instant()))
                    .update();
            return new SigningKey(keyId, pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every key of the issuer, oldest first: what its published document lists. */
    public List<IssuerKey> all(String issuerCode) {
        return jdbc.sql("""
                SELECT key_id, public_key, retired_at FROM issuer_key WHERE issuer_code = ? ORDER BY created_at, key_id""")
                .param(issuerCode)
                .query((rs, i) -> new IssuerKey(issuerCode, rs.getString(1), Multikey.decode(rs.getString(2)),
                        rs.getTimestamp(3) == null))
                .list();
    }

    public Optional<PublicKey> publicKey(String issuerCode, String keyId) {
        String cacheKey = issuerCode + "#" + keyId;
        PublicKey known = publicKeys.get(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PublicKey> key = jdbc.sql("SELECT public_key FROM issuer_key WHERE issuer_code = ? AND key_id = ?")
                .params(issuerCode, keyId).query(String.class).optional().map(Multikey::decode);
        key.ifPresent(k -> publicKeys.put(cacheKey, k));
        return key;
    }

    public Map<String, PublicKey> byVerificationMethod(String issuerId, String issuerCode) {
        Map<String, PublicKey> out = new LinkedHashMap<>();
        all(issuerCode).forEach(k -> out.put(issuerId + "#" + k.keyId(), k.publicKey()));
        return out;
    }

    private String sealed(PrivateKey key) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, seal, new GCMParameterSpec(128, iv));
        byte[] body = cipher.doFinal(key.getEncoded());
        byte[] out = new byte[iv.length + body.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(body, 0, out, iv.length, body.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private PrivateKey unseal(String text) {
        try {
            byte[] all = Base64.getDecoder().decode(text);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, seal, new GCMParameterSpec(128, all, 0, 12));
            byte[] pkcs8 = cipher.doFinal(all, 12, all.length - 12);
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An issuer key cannot be unsealed: is binhdan.certification.key-secret the one it was sealed with?", e);
        }
    }
}
