package vn.binhdan.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.certification.internal.DataIntegrity;
import vn.binhdan.certification.internal.DataIntegrity.Problems;
import vn.binhdan.certification.internal.DataIntegrity.Verification;
import vn.binhdan.certification.internal.Multikey;

/** Data Integrity proofs ({@code eddsa-rdfc-2022}) on Open Badges 3.0 credentials; no Spring. */
class DataIntegrityTest {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final String ISSUER = "https://binhdan.example/issuers/66";
    static final String KEY_1 = ISSUER + "#key-1";
    static final String KEY_2 = ISSUER + "#key-2";
    static final Instant CREATED = Instant.parse("2026-11-22T09:15:30.123456Z");

    /** One instance for the whole suite, as the application would share it. */
    static final DataIntegrity INTEGRITY = new DataIntegrity();

    /** The sample OpenBadgeCredential (VC 2.0, OB 3.0.3) the issuer signs. */
    static ObjectNode sampleCredential() {
        String salt = "8f1c2a9e4b7d6035";
        String identityHash = "sha256$" + sha256Hex("079203001234" + salt);
        String json = """
                {
                  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                  "id": "https://binhdan.example/credentials/0b9c6f0e-5b1a-4c1e-9d7e-1f2a3b4c5d6e",
                  "type": ["VerifiableCredential", "OpenBadgeCredential"],
                  "name": "Chứng nhận đạt phổ cập kỹ năng số",
                  "issuer": {"id": "https://binhdan.example/issuers/66", "type": ["Profile"], "name": "Ủy ban nhân dân tỉnh Đắk Lắk"},
                  "validFrom": "2026-11-22T08:00:00Z",
                  "credentialSubject": {
                    "type": ["AchievementSubject"],
                    "identifier": [{"type": "IdentityObject", "identityHash": "%s", "identityType": "identifier", "hashed": true, "salt": "%s"}],
                    "achievement": {
                      "id": "https://binhdan.example/achievements/KNS-ADULT-1.0",
                      "type": ["Achievement"],
                      "name": "Kỹ năng số cơ bản — người dân",
                      "description": "Sử dụng thiết bị số, dịch vụ công trực tuyến và an toàn thông tin cơ bản.",
                      "criteria": {"narrative": "Đạt bài đánh giá kỹ năng số cơ bản theo khung 1.0"},
                      "achievementType": "Certificate"
                    },
                    "result": [{"type": ["Result"], "value": "85"}]
                  },
                  "credentialStatus": {
                    "id": "https://binhdan.example/credentials/status/1#42",
                    "type": "BitstringStatusListEntry",
                    "statusPurpose": "revocation",
                    "statusListIndex": "42",
                    "statusListCredential": "https://binhdan.example/credentials/status/1"
                  }
                }
                """.formatted(identityHash, salt);
        return (ObjectNode) JSON.readTree(json);
    }

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Resolves verification methods the way a verifier does: from the published document. */
    static Function<String, Optional<PublicKey>> resolver(ObjectNode controllerDocument) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (JsonNode method : controllerDocument.get("verificationMethod")) {
            keys.put(method.get("id").stringValue(), Multikey.decode(method.get("publicKeyMultibase").stringValue()));
        }
        List<String> authorized = new ArrayList<>();
        controllerDocument.get("assertionMethod").forEach(id -> authorized.add(id.stringValue()));
        return id -> authorized.contains(id) ? Optional.ofNullable(keys.get(id)) : Optional.empty();
    }

    static Function<String, Optional<PublicKey>> only(String verificationMethod, PublicKey key) {
        return id -> id.equals(verificationMethod) ? Optional.of(key) : Optional.empty();
    }

    // --- signing and verifying -----------------------------------------------------------------

    @Test
    void signedSampleCredentialVerifies() {
        KeyPair key = newKeyPair();
        ObjectNode credential = sampleCredential();
        String before = credential.toString();

        ObjectNode signed = INTEGRITY.sign(credential, KEY_1, key.getPrivate(), CREATED);

        assertThat(credential.toString()).as("the input is left alone").isEqualTo(before);
        JsonNode proof = signed.get("proof");
        assertThat(proof.get("type").stringValue()).isEqualTo("DataIntegrityProof");
        assertThat(proof.get("cryptosuite").stringValue()).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.get("created").stringValue()).isEqualTo("2026-11-22T09:15:30Z");
        assertThat(proof.get("verificationMethod").stringValue()).isEqualTo(KEY_1);
        assertThat(proof.get("proofPurpose").stringValue()).isEqualTo("assertionMethod");
        String proofValue = proof.get("proofValue").stringValue();
        assertThat(proofValue).startsWith("z");
        assertThat(Multikey.base58Decode(proofValue.substring(1))).hasSize(64);
        assertThat(proof.propertyNames()).containsExactly(
                "type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue");

        assertThat(INTEGRITY.verify(signed, only(KEY_1, key.getPublic()))).isEqualTo(Verification.ok());
        // Ed25519 is deterministic: the same input signs to the same proof
        assertThat(INTEGRITY.sign(credential, KEY_1, key.getPrivate(), CREATED)).isEqualTo(signed);
        // and a JSON round trip (what storage and HTTP do) changes nothing
        ObjectNode reparsed = (ObjectNode) JSON.readTree(JSON.writeValueAsString(signed));
        assertThat(INTEGRITY.verify(reparsed, only(KEY_1, key.getPublic())).valid()).isTrue();
    }

    @Test
    void changedNamesBreakTheSignature() {
        KeyPair key = newKeyPair();
        ObjectNode signed = INTEGRITY.sign(sampleCredential(), KEY_1, key.getPrivate(), CREATED);

        ObjectNode achievementName = signed.deepCopy();
        ((ObjectNode) achievementName.get("credentialSubject").get("achievement"))
                .put("name", "Kỹ năng số nâng cao — người dân");
        assertThat(INTEGRITY.verify(achievementName, only(KEY_1, key.getPublic())))
                .isEqualTo(Verification.invalid(Problems.SIGNATURE_INVALID));

        ObjectNode score = signed.deepCopy();
        ((ObjectNode) score.get("credentialSubject").get("result").get(0)).put("value", "95");
        assertThat(INTEGRITY.verify(score, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.SIGNATURE_INVALID);

        ObjectNode credentialName = signed.deepCopy();
        credentialName.put("name", "Chứng nhận đạt phổ cập kỹ năng số nâng cao");
        assertThat(INTEGRITY.verify(credentialName, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.SIGNATURE_INVALID);
    }

    @Test
    void changedProofOptionsBreakTheSignature() {
        KeyPair key = newKeyPair();
        ObjectNode signed = INTEGRITY.sign(sampleCredential(), KEY_1, key.getPrivate(), CREATED);

        ObjectNode created = signed.deepCopy();
        ((ObjectNode) created.get("proof")).put("created", "2026-11-22T09:15:31Z");
        assertThat(INTEGRITY.verify(created, only(KEY_1, key.getPublic())))
                .isEqualTo(Verification.invalid(Problems.SIGNATURE_INVALID));

        ObjectNode value = signed.deepCopy();
        String proofValue = value.get("proof").get("proofValue").stringValue();
        byte[] signature = Multikey.base58Decode(proofValue.substring(1));
        signature[10] ^= 1;
        ((ObjectNode) value.get("proof")).put("proofValue", "z" + Multikey.base58Encode(signature));
        assertThat(INTEGRITY.verify(value, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.SIGNATURE_INVALID);
    }

    @Test
    void anotherKeyOrAnUnknownMethodIsRefused() {
        KeyPair key = newKeyPair();
        ObjectNode signed = INTEGRITY.sign(sampleCredential(), KEY_1, key.getPrivate(), CREATED);

        assertThat(INTEGRITY.verify(signed, only(KEY_2, key.getPublic())))
                .isEqualTo(Verification.invalid(Problems.KEY_UNKNOWN));
        assertThat(INTEGRITY.verify(signed, id -> Optional.empty()).problem()).isEqualTo(Problems.KEY_UNKNOWN);
        assertThat(INTEGRITY.verify(signed, id -> {
            throw new IllegalStateException("directory down");
        }).problem()).isEqualTo(Problems.KEY_UNKNOWN);
        // a key of issuer 66 signing a credential that names issuer 67 as its issuer
        ObjectNode otherIssuer = sampleCredential();
        ((ObjectNode) otherIssuer.get("issuer")).put("id", "https://binhdan.example/issuers/67");
        ObjectNode impersonation = INTEGRITY.sign(otherIssuer, KEY_1, key.getPrivate(), CREATED);
        assertThat(INTEGRITY.verify(impersonation, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.KEY_UNKNOWN);
        // the method is known but holds a different key: the signature does not match it
        assertThat(INTEGRITY.verify(signed, only(KEY_1, newKeyPair().getPublic())).problem())
                .isEqualTo(Problems.SIGNATURE_INVALID);
    }

    /**
     * An added property that no context defines is {@code document.malformed}, not
     * {@code signature.invalid}: JSON-LD would silently drop it (and the signature would still
     * match, hiding the addition), so processing fails on undefined terms, as jsonld.js "safe
     * mode" does in the JavaScript verifiers; that failure comes before the signature check.
     */
    @Test
    void anUndefinedTermMakesTheDocumentMalformed() {
        KeyPair key = newKeyPair();
        ObjectNode signed = INTEGRITY.sign(sampleCredential(), KEY_1, key.getPrivate(), CREATED);

        ObjectNode property = signed.deepCopy();
        ((ObjectNode) property.get("credentialSubject")).put("birthDate", "1990-01-01");
        assertThat(INTEGRITY.verify(property, only(KEY_1, key.getPublic())))
                .isEqualTo(Verification.invalid(Problems.DOCUMENT_MALFORMED));

        ObjectNode topLevel = signed.deepCopy();
        topLevel.put("grade", "A");
        assertThat(INTEGRITY.verify(topLevel, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.DOCUMENT_MALFORMED);

        ObjectNode type = signed.deepCopy();
        ((ArrayNode) type.get("credentialSubject").get("type")).add("Citizen");
        assertThat(INTEGRITY.verify(type, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.DOCUMENT_MALFORMED);

        ObjectNode relativeId = signed.deepCopy();
        ((ObjectNode) relativeId.get("credentialSubject")).put("id", "citizens/42");
        assertThat(INTEGRITY.verify(relativeId, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.DOCUMENT_MALFORMED);

        ObjectNode unknownContext = signed.deepCopy();
        ((ArrayNode) unknownContext.get("@context")).add("https://example.org/contexts/extra.json");
        assertThat(INTEGRITY.verify(unknownContext, only(KEY_1, key.getPublic())).problem())
                .isEqualTo(Problems.DOCUMENT_MALFORMED);

        // and the issuer cannot sign such a credential in the first place
        ObjectNode unsigned = sampleCredential();
        ((ObjectNode) unsigned.get("credentialSubject")).put("birthDate", "1990-01-01");
        assertThatThrownBy(() -> INTEGRITY.sign(unsigned, KEY_1, key.getPrivate(), CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("birthDate");
    }

    @Test
    void credentialsSignedBeforeAKeyRotationVerifyWhileTheOldKeyIsPublished() {
        KeyPair key1 = newKeyPair();
        KeyPair key2 = newKeyPair();
        ObjectNode beforeRotation = INTEGRITY.sign(sampleCredential(), KEY_1, key1.getPrivate(), CREATED);

        Map<String, PublicKey> published = new LinkedHashMap<>();
        published.put(KEY_2, key2.getPublic()); // current key first
        published.put(KEY_1, key1.getPublic()); // kept for credentials signed before the rotation
        ObjectNode profile = Multikey.controllerDocument(ISSUER, "Ủy ban nhân dân tỉnh Đắk Lắk", published);
        ObjectNode afterRotation = INTEGRITY.sign(sampleCredential(), KEY_2, key2.getPrivate(), CREATED.plusSeconds(86_400));

        assertThat(INTEGRITY.verify(beforeRotation, resolver(profile)).valid()).isTrue();
        assertThat(INTEGRITY.verify(afterRotation, resolver(profile)).valid()).isTrue();

        ObjectNode withoutOldKey = Multikey.controllerDocument(ISSUER, "Ủy ban nhân dân tỉnh Đắk Lắk",
                Map.of(KEY_2, key2.getPublic()));
        assertThat(INTEGRITY.verify(beforeRotation, resolver(withoutOldKey)).problem()).isEqualTo(Problems.KEY_UNKNOWN);
        assertThat(INTEGRITY.verify(afterRotation, resolver(withoutOldKey)).valid()).isTrue();
    }

    @Test
    void badInputIsAnAnswerNotAnException() {
        KeyPair key = newKeyPair();
        Function<String, Optional<PublicKey>> keys = only(KEY_1, key.getPublic());
        ObjectNode signed = INTEGRITY.sign(sampleCredential(), KEY_1, key.getPrivate(), CREATED);

        assertThat(INTEGRITY.verify(null, keys).problem()).isEqualTo(Problems.PROOF_MISSING);
        assertThat(INTEGRITY.verify(sampleCredential(), keys).problem()).isEqualTo(Problems.PROOF_MISSING);
        assertThat(INTEGRITY.verify(with(signed, "proof", JSON.createArrayNode()), keys).problem())
                .isEqualTo(Problems.PROOF_MISSING);
        assertThat(INTEGRITY.verify(with(signed, "proof", JSON.getNodeFactory().stringNode("z123")), keys).problem())
                .isEqualTo(Problems.PROOF_UNSUPPORTED);

        for (String[] change : new String[][] {
                {"type", "Ed25519Signature2020"},
                {"cryptosuite", "eddsa-jcs-2022"},
                {"cryptosuite", "ecdsa-rdfc-2019"},
                {"proofPurpose", "authentication"}}) {
            ObjectNode other = signed.deepCopy();
            ((ObjectNode) other.get("proof")).put(change[0], change[1]);
            assertThat(INTEGRITY.verify(other, keys).problem()).as(change[0]).isEqualTo(Problems.PROOF_UNSUPPORTED);
        }
        ObjectNode noMethod = signed.deepCopy();
        ((ObjectNode) noMethod.get("proof")).remove("verificationMethod");
        assertThat(INTEGRITY.verify(noMethod, keys).problem()).isEqualTo(Problems.PROOF_UNSUPPORTED);

        for (String proofValue : new String[] {"", "z", "zI0Ol", "u" + "A".repeat(86), "z" + Multikey.base58Encode(new byte[63])}) {
            ObjectNode bad = signed.deepCopy();
            ((ObjectNode) bad.get("proof")).put("proofValue", proofValue);
            assertThat(INTEGRITY.verify(bad, keys).problem()).as(proofValue).isEqualTo(Problems.SIGNATURE_INVALID);
        }
        ObjectNode badDate = signed.deepCopy();
        ((ObjectNode) badDate.get("proof")).put("created", "yesterday");
        assertThat(INTEGRITY.verify(badDate, keys).problem()).isEqualTo(Problems.DOCUMENT_MALFORMED);

        ObjectNode expired = signed.deepCopy();
        ((ObjectNode) expired.get("proof")).put("expires", "2020-01-01T00:00:00Z");
        assertThat(INTEGRITY.verify(expired, keys).problem()).isEqualTo(Problems.PROOF_EXPIRED);

        ObjectNode noContext = signed.deepCopy();
        noContext.remove("@context");
        assertThat(INTEGRITY.verify(noContext, keys).problem()).isEqualTo(Problems.DOCUMENT_MALFORMED);

        ObjectNode badContext = signed.deepCopy();
        badContext.put("@context", 42);
        assertThat(INTEGRITY.verify(badContext, keys).problem()).isEqualTo(Problems.DOCUMENT_MALFORMED);

        ObjectNode deep = signed.deepCopy();
        ObjectNode nested = (ObjectNode) deep.get("credentialSubject").get("achievement").get("criteria");
        for (int i = 0; i < 300; i++) {
            nested = nested.putObject("narrative");
        }
        assertThat(INTEGRITY.verify(deep, keys).valid()).isFalse();

        // an EC (P-256) key where an Ed25519 one is expected
        PublicKey ec;
        try {
            ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertThat(INTEGRITY.verify(signed, only(KEY_1, ec)).problem()).isEqualTo(Problems.KEY_UNKNOWN);
    }

    @Test
    void signingRefusesWhatItCannotSign() {
        KeyPair key = newKeyPair();
        ObjectNode signed = INTEGRITY.sign(sampleCredential(), KEY_1, key.getPrivate(), CREATED);
        assertThatThrownBy(() -> INTEGRITY.sign(signed, KEY_1, key.getPrivate(), CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a proof");

        ObjectNode noContext = sampleCredential();
        noContext.remove("@context");
        assertThatThrownBy(() -> INTEGRITY.sign(noContext, KEY_1, key.getPrivate(), CREATED))
                .isInstanceOf(IllegalArgumentException.class);

        // two results nothing tells apart: RDFC-1.0 needs N-degree hashing, which jsonld.js
        // (rdf-canonize) limits; a credential other verifiers may refuse is not signed
        ObjectNode twins = sampleCredential();
        ArrayNode results = (ArrayNode) twins.get("credentialSubject").get("result");
        results.add(results.get(0).deepCopy());
        assertThatThrownBy(() -> INTEGRITY.sign(twins, KEY_1, key.getPrivate(), CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be told apart");

        PrivateKey ec;
        try {
            ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> INTEGRITY.sign(sampleCredential(), KEY_1, ec, CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        KeyPair key = newKeyPair();
        DataIntegrity shared = new DataIntegrity();
        ObjectNode signed = shared.sign(sampleCredential(), KEY_1, key.getPrivate(), CREATED);
        ObjectNode tampered = signed.deepCopy();
        tampered.put("name", "Giả mạo");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                ObjectNode credential = i % 2 == 0 ? signed : tampered;
                boolean expected = i % 2 == 0;
                results.add(pool.submit(() -> shared.verify(credential, only(KEY_1, key.getPublic())).valid() == expected));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- the issuer's published document ---------------------------------------------------------

    @Test
    void controllerDocumentIsAnIssuerProfileListingEveryKey() {
        KeyPair key1 = newKeyPair();
        KeyPair key2 = newKeyPair();
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(KEY_1, key1.getPublic());
        keys.put(KEY_2, key2.getPublic());

        ObjectNode document = Multikey.controllerDocument(ISSUER, "Ủy ban nhân dân tỉnh Đắk Lắk", keys);

        assertThat(document.get("@context").valueStream().map(JsonNode::stringValue)).containsExactly(
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://www.w3.org/ns/did/v1",
                "https://w3id.org/security/multikey/v1");
        assertThat(document.get("id").stringValue()).isEqualTo(ISSUER);
        assertThat(document.get("type").get(0).stringValue()).isEqualTo("Profile");
        assertThat(document.get("name").stringValue()).isEqualTo("Ủy ban nhân dân tỉnh Đắk Lắk");
        JsonNode first = document.get("verificationMethod").get(0);
        assertThat(first.get("id").stringValue()).isEqualTo(KEY_1);
        assertThat(first.get("type").stringValue()).isEqualTo("Multikey");
        assertThat(first.get("controller").stringValue()).isEqualTo(ISSUER);
        assertThat(first.get("publicKeyMultibase").stringValue()).startsWith("z6Mk");
        assertThat(Multikey.decode(first.get("publicKeyMultibase").stringValue())).isEqualTo(key1.getPublic());
        assertThat(document.get("assertionMethod").valueStream().map(JsonNode::stringValue))
                .containsExactly(KEY_1, KEY_2);
        // every term in it is defined: it processes under the same strict rules as credentials
        assertThat(INTEGRITY.canonicalNQuads(document))
                .contains("<" + ISSUER + "> <https://w3id.org/security#assertionMethod> <" + KEY_1 + "> .")
                .contains("<" + KEY_2 + "> <https://w3id.org/security#publicKeyMultibase> \"z6Mk");

        assertThatThrownBy(() -> Multikey.controllerDocument(ISSUER, "x",
                Map.of("https://elsewhere.example/keys#1", key1.getPublic())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multikey.controllerDocument(ISSUER, "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multikeyAndBase58() {
        KeyPair key = newKeyPair();
        String multibase = Multikey.encode(key.getPublic());
        assertThat(multibase).startsWith("z6Mk").hasSize(48);
        assertThat(Multikey.decode(multibase)).isEqualTo(key.getPublic());
        assertThatThrownBy(() -> Multikey.decode("z" + Multikey.base58Encode(new byte[34])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multikey.decode("f" + multibase.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);

        // Bitcoin base58 test vectors (bitcoin/src/test/data/base58_encode_decode.json)
        Map<String, String> vectors = Map.of(
                "", "",
                "61", "2g",
                "626262", "a3gV",
                "516b6fcd0f", "ABnLTmg",
                "572e4794", "3EFU7m",
                "10c8511e", "Rt5zm",
                "00000000000000000000", "1111111111",
                "00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L");
        vectors.forEach((hex, base58) -> {
            byte[] bytes = HexFormat.of().parseHex(hex);
            assertThat(Multikey.base58Encode(bytes)).as(hex).isEqualTo(base58);
            assertThat(Multikey.base58Decode(base58)).as(base58).isEqualTo(bytes);
        });
        assertThatThrownBy(() -> Multikey.base58Decode("0OIl")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- known answer: the W3C vc-di-eddsa test vector -----------------------------------------

    /**
     * VC-DI-EdDSA, "Representation: eddsa-rdfc-2022" (w3c/vc-di-eddsa TestVectors/eddsa-rdfc-2022,
     * keyPair.json): the specification's key, credential and proof options must give exactly its
     * proofValue (Ed25519 is deterministic), and its intermediate values on the way.
     */
    @Test
    void specificationTestVector() {
        String publicKeyMultibase = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        PrivateKey secret = Multikey.decodeSecretKey("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
        PublicKey publicKey = Multikey.decode(publicKeyMultibase);
        assertThat(Multikey.encode(publicKey)).isEqualTo(publicKeyMultibase);

        // the VC 2.0 examples context, https://www.w3.org/ns/credentials/examples/v2, as published
        DataIntegrity withExamples = DataIntegrity.withAdditionalContexts(Map.of(
                "https://www.w3.org/ns/credentials/examples/v2",
                "{\"@context\":{\"@vocab\":\"https://www.w3.org/ns/credentials/examples#\"}}"));
        ObjectNode unsigned = (ObjectNode) JSON.readTree("""
                {
                  "@context": [
                    "https://www.w3.org/ns/credentials/v2",
                    "https://www.w3.org/ns/credentials/examples/v2"
                  ],
                  "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
                  "type": ["VerifiableCredential", "AlumniCredential"],
                  "name": "Alumni Credential",
                  "description": "A minimum viable example of an Alumni Credential.",
                  "issuer": "https://vc.example/issuers/5678",
                  "validFrom": "2023-01-01T00:00:00Z",
                  "credentialSubject": {
                    "id": "did:example:abcdefgh",
                    "alumniOf": "The School of Examples"
                  }
                }
                """);
        String verificationMethod = "https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        String expectedProofValue =
                "z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9";

        ObjectNode signed = withExamples.sign(unsigned, verificationMethod, secret, Instant.parse("2023-02-24T23:36:38Z"));

        // TestVectors/eddsa-rdfc-2022/proofCanonDataInt.txt
        ObjectNode proofConfiguration = (ObjectNode) signed.get("proof").deepCopy();
        proofConfiguration.remove("proofValue");
        proofConfiguration.set("@context", unsigned.get("@context"));
        String canonicalProof = withExamples.canonicalNQuads(proofConfiguration);
        assertThat(canonicalProof).isEqualTo("""
                _:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
                _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .
                _:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .
                _:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .
                _:c14n0 <https://w3id.org/security#verificationMethod> <https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .
                """);
        // TestVectors/eddsa-rdfc-2022/combinedHashDataInt.txt: proof hash, then document hash
        assertThat(sha256Hex(canonicalProof) + sha256Hex(withExamples.canonicalNQuads(unsigned))).isEqualTo(
                "4c4d3890a157f8d611b13c265c2c22f39aa0a567c7c7dd9ba3e45cd579784eeb"
                        + "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017");
        // TestVectors/eddsa-rdfc-2022/signedDataInt.json
        assertThat(signed.get("proof").get("proofValue").stringValue()).isEqualTo(expectedProofValue);
        assertThat(withExamples.verify(signed, only(verificationMethod, publicKey))).isEqualTo(Verification.ok());

        // the bundled contexts alone do not define the examples context: not fetched, refused
        assertThat(INTEGRITY.verify(signed, only(verificationMethod, publicKey)).problem())
                .isEqualTo(Problems.DOCUMENT_MALFORMED);
    }

    // --- helpers -------------------------------------------------------------------------------

    static ObjectNode with(ObjectNode node, String property, JsonNode value) {
        ObjectNode copy = node.deepCopy();
        copy.set(property, value);
        return copy;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
