package vn.binhdan.certification.internal;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdOptions.ProcessingPolicy;
import com.apicatalog.jsonld.JsonLdOptions.RdfDirection;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * W3C Verifiable Credentials Data Integrity proofs with the {@code eddsa-rdfc-2022} cryptosuite
 * (<a href="https://www.w3.org/TR/vc-di-eddsa/">VC-DI-EdDSA</a>): the credential without
 * {@code proof} and the proof options without {@code proofValue} (with the credential's
 * {@code @context}) are each turned into RDF and canonicalized with RDFC-1.0; the Ed25519
 * signature covers SHA-256(canonical proof options) ‖ SHA-256(canonical credential) and is
 * published as {@code proofValue}, multibase base58-btc ("z…").
 *
 * <p>JSON-LD processing never touches the network: the only documents the loader knows are the
 * contexts bundled under {@code certification/contexts/} (see the README there), parsed once per
 * JVM. Like the JavaScript verifiers ({@code jsonld.js} "safe mode"), processing fails on a term
 * the contexts do not define instead of silently dropping it, so a credential this class signs
 * verifies elsewhere, and a property slipped into a credential is reported instead of ignored.
 *
 * <p>Signing keys are the JDK's own Ed25519 keys ({@code KeyPairGenerator.getInstance("Ed25519")}).
 * Spring-free; create one and share it between any number of threads.
 */
public final class DataIntegrity {

    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    public static final String PROOF_PURPOSE = "assertionMethod";

    /** The contexts bundled in {@code src/main/resources/certification/contexts}, by URL. */
    static final Map<String, String> BUNDLED_CONTEXT_FILES = Map.of(
            "https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json",
            "https://www.w3.org/ns/did/v1", "did-v1.jsonld",
            "https://w3id.org/security/multikey/v1", "multikey-v1.jsonld");

    private static final String CONTEXTS_FOLDER = "/certification/contexts/";

    /**
     * RDFC-1.0 work allowed for one document (ticks of the canonicalization's N-degree hashing).
     * Credentials we issue need a few dozen; a document crafted to make canonicalization explode
     * (many interlinked blank nodes) is rejected as {@code document.malformed} instead of taking
     * a core for minutes.
     */
    static final int CANONICALIZATION_BUDGET = 10_000;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;
    /** XSD dateTimeStamp as VC Data Integrity requires for {@code created}/{@code expires}. */
    private static final Pattern DATE_TIME_STAMP = Pattern.compile(
            "-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private static final JsonProvider JSON = JsonProvider.provider();
    /** 2^53 - 1: larger integers are not exact in JavaScript. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Why a secured credential does not verify; {@link Verification#problem()} is one of these. */
    public static final class Problems {
        /** No {@code proof}, or not a single object. */
        public static final String PROOF_MISSING = "proof.missing";
        /** Another proof type, cryptosuite or purpose, or a proof this class cannot check. */
        public static final String PROOF_UNSUPPORTED = "proof.unsupported";
        /** The proof's {@code expires} has passed. */
        public static final String PROOF_EXPIRED = "proof.expired";
        /** The verification method resolves to no (Ed25519) key. */
        public static final String KEY_UNKNOWN = "key.unknown";
        /** The signature does not match: the credential or the proof options were changed. */
        public static final String SIGNATURE_INVALID = "signature.invalid";
        /** JSON-LD processing failed: an undefined term, an unknown context, a bad value. */
        public static final String DOCUMENT_MALFORMED = "document.malformed";

        private Problems() {}
    }

    /**
     * The outcome of {@link #verify}: valid with no problem, or invalid with one of
     * {@link Problems}.
     */
    public record Verification(boolean valid, String problem) {

        private static final Verification VALID = new Verification(true, null);

        public static Verification ok() {
            return VALID;
        }

        public static Verification invalid(String problem) {
            return new Verification(false, problem);
        }
    }

    private static final int MAX_CACHED_CONTEXTS = 32;
    /** About 100 bytes each: a few MB at most. */
    private static final int MAX_REMEMBERED_SIGNATURES = 50_000;

    /** Documents the loader serves, by URL. */
    private final Map<String, Document> documents;
    /** Read-only after construction; shared by all calls and threads. */
    private final JsonLdOptions options;
    private final ConcurrentMap<String, ActiveContext> activeContexts = new ConcurrentHashMap<>();
    /** SHA-256 of (key, signature, signed data) of each signature that verified. */
    private final ConcurrentMap<ByteBuffer, Boolean> verified = new ConcurrentHashMap<>();

    /** Uses the bundled contexts only. */
    public DataIntegrity() {
        this(Bundled.DOCUMENTS);
    }

    private DataIntegrity(Map<String, Document> documents) {
        this.documents = documents;
        DocumentLoader loader = (url, loaderOptions) -> {
            Document document = documents.get(url.toString());
            if (document == null) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                        "context " + url + " is not bundled (JSON-LD processing is offline; see "
                                + CONTEXTS_FOLDER + "README.md)");
            }
            return document;
        };
        JsonLdOptions jsonLd = new JsonLdOptions(loader);
        // like jsonld.js safe mode: a term the contexts do not define is an error, not dropped
        jsonLd.setUndefinedTermsPolicy(ProcessingPolicy.Fail);
        // as @digitalbazaar/eddsa-rdfc-2022-cryptosuite canonizes
        jsonLd.setRdfDirection(RdfDirection.I18N_DATATYPE);
        jsonLd.setProduceGeneralizedRdf(false);
        // jsonld.js checks IRIs only for a scheme and no whitespace (SafeMode below does the
        // same); Titanium's full java.net.URI parse would drop triples jsonld.js keeps
        jsonLd.setUriValidation(UriValidationPolicy.SchemeOnly);
        this.options = jsonLd;
    }

    /**
     * The bundled contexts plus the given ones (context URL to its JSON text), e.g. for the
     * specification's test vectors, which use {@code https://www.w3.org/ns/credentials/examples/v2}.
     *
     * @throws IllegalArgumentException if a given context is not a JSON object
     */
    public static DataIntegrity withAdditionalContexts(Map<String, String> contextJsonByUrl) {
        Map<String, Document> documents = new HashMap<>(Bundled.DOCUMENTS);
        contextJsonByUrl.forEach((url, json) -> documents.put(url, parse(url, json)));
        return new DataIntegrity(Map.copyOf(documents));
    }

    /**
     * A copy of the credential with a {@code proof}: {@code DataIntegrityProof},
     * {@code eddsa-rdfc-2022}, {@code created} (to the second, UTC), the verification method,
     * {@code assertionMethod}, and the {@code proofValue}.
     *
     * @param credential an unsigned credential; every term in it must be defined by its contexts
     * @param verificationMethod the key's id in the issuer's controller document, e.g.
     *     {@code https://binhdan.example/issuers/66#key-1}
     * @param key the Ed25519 private key of that verification method
     * @param created when the proof is made; sub-second parts are dropped
     * @throws IllegalArgumentException if the credential already has a proof, is not valid
     *     JSON-LD under the bundled contexts (e.g. an undefined term), or the key is not Ed25519
     */
    public ObjectNode sign(ObjectNode credential, String verificationMethod, PrivateKey key, Instant created) {
        if (credential == null || !credential.has("@context")) {
            throw new IllegalArgumentException("credential with an @context is required");
        }
        if (credential.has("proof")) {
            throw new IllegalArgumentException("credential already has a proof");
        }
        if (verificationMethod == null || verificationMethod.isBlank() || key == null || created == null) {
            throw new IllegalArgumentException("verificationMethod, key and created are required");
        }
        ObjectNode proof = credential.objectNode();
        proof.put("type", PROOF_TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("created", SECONDS.format(created.truncatedTo(ChronoUnit.SECONDS)));
        proof.put("verificationMethod", verificationMethod);
        proof.put("proofPurpose", PROOF_PURPOSE);

        byte[] hashData;
        try {
            hashData = hashData(toJsonP(credential), toJsonP(proof), true);
        } catch (JsonLdError | RuntimeException e) {
            throw new IllegalArgumentException("credential cannot be signed: " + describe(e), e);
        }
        byte[] signature;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(hashData);
            signature = ed25519.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
        proof.put("proofValue", "z" + Multikey.base58Encode(signature));

        ObjectNode secured = credential.deepCopy();
        secured.set("proof", proof);
        return secured;
    }

    /**
     * Checks the credential's {@code eddsa-rdfc-2022} proof. Never throws for bad input: the
     * answer is always a {@link Verification}, invalid with one of {@link Problems}.
     *
     * <p>Checked: the proof, and that its verification method is one of the issuer's
     * ({@code issuer.id + "#…"}, so a key of one issuer cannot sign for another); which of the
     * issuer's methods are valid is the key lookup's answer. Not checked: {@code validFrom},
     * {@code validUntil}, the credential status.
     *
     * @param securedCredential a credential with a {@code proof}
     * @param keyByVerificationMethod the public key of a verification method id, empty when
     *     the method is unknown (e.g. not, or no longer, in the issuer's controller document)
     */
    public Verification verify(ObjectNode securedCredential, Function<String, Optional<PublicKey>> keyByVerificationMethod) {
        if (securedCredential == null) {
            return Verification.invalid(Problems.PROOF_MISSING);
        }
        JsonNode proofNode = securedCredential.get("proof");
        if (proofNode instanceof ArrayNode array && array.size() == 1) {
            proofNode = array.get(0);
        }
        if (!(proofNode instanceof ObjectNode proof)) {
            boolean missing = proofNode == null || proofNode.isNull() || proofNode.isArray() && proofNode.isEmpty();
            // a proof set (several proofs) is not something this issuer produces
            return Verification.invalid(missing ? Problems.PROOF_MISSING : Problems.PROOF_UNSUPPORTED);
        }
        if (!PROOF_TYPE.equals(text(proof, "type"))
                || !CRYPTOSUITE.equals(text(proof, "cryptosuite"))
                || !PROOF_PURPOSE.equals(text(proof, "proofPurpose"))
                || proof.has("@context")) {
            return Verification.invalid(Problems.PROOF_UNSUPPORTED);
        }
        String verificationMethod = text(proof, "verificationMethod");
        String proofValue = text(proof, "proofValue");
        if (verificationMethod == null || proofValue == null) {
            return Verification.invalid(Problems.PROOF_UNSUPPORTED);
        }
        if (proof.has("created") && !isDateTimeStamp(proof.get("created"))) {
            return Verification.invalid(Problems.DOCUMENT_MALFORMED);
        }
        if (proof.has("expires")) {
            if (!isDateTimeStamp(proof.get("expires"))) {
                return Verification.invalid(Problems.DOCUMENT_MALFORMED);
            }
            if (OffsetDateTime.parse(proof.get("expires").stringValue()).toInstant().isBefore(Instant.now())) {
                return Verification.invalid(Problems.PROOF_EXPIRED);
            }
        }
        byte[] signature;
        try {
            signature = Multikey.multibaseDecode(proofValue);
        } catch (IllegalArgumentException e) {
            return Verification.invalid(Problems.SIGNATURE_INVALID);
        }
        if (signature.length != 64) {
            return Verification.invalid(Problems.SIGNATURE_INVALID);
        }
        String issuer = issuerId(securedCredential);
        if (issuer == null || !verificationMethod.startsWith(issuer + "#")) {
            // a key of someone else than the issuer (as CredentialIssuancePurpose in
            // @digitalbazaar/vc requires: the method's controller is the issuer)
            return Verification.invalid(Problems.KEY_UNKNOWN);
        }
        PublicKey key;
        try {
            key = keyByVerificationMethod.apply(verificationMethod).orElse(null);
        } catch (RuntimeException e) {
            // a lookup that fails (or returns null) knows no key for the method
            key = null;
        }
        if (key == null || !isEd25519(key)) {
            return Verification.invalid(Problems.KEY_UNKNOWN);
        }
        byte[] hashData;
        try {
            hashData = hashData(toJsonP(securedCredential, "proof"), toJsonP(proof, "proofValue"), false);
        } catch (JsonLdError | RuntimeException | StackOverflowError e) {
            // StackOverflowError: absurdly deep nesting; nothing is left half-done
            return Verification.invalid(Problems.DOCUMENT_MALFORMED);
        }
        return verifySignature(key, hashData, signature)
                ? Verification.ok()
                : Verification.invalid(Problems.SIGNATURE_INVALID);
    }

    /**
     * Ed25519 verification, remembering the (key, message, signature) triples that verified. The
     * JDK's Ed25519 takes most of a verification's time, and the same credential is often checked
     * again and again (its QR code, the public verification page); only a triple that already
     * verified is skipped, so the memory can never turn a bad signature into a good one.
     */
    private boolean verifySignature(PublicKey key, byte[] hashData, byte[] signature) {
        byte[] encodedKey = key.getEncoded();
        MessageDigest digest = sha256();
        if (encodedKey != null) {
            digest.update(encodedKey);
        }
        digest.update(signature);
        digest.update(hashData);
        ByteBuffer triple = ByteBuffer.wrap(digest.digest());
        if (encodedKey != null && verified.containsKey(triple)) {
            return true;
        }
        boolean valid;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(hashData);
            valid = ed25519.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
        if (valid && encodedKey != null) {
            if (verified.size() >= MAX_REMEMBERED_SIGNATURES) {
                verified.clear();
            }
            verified.put(triple, Boolean.TRUE);
        }
        return valid;
    }

    /**
     * The RDFC-1.0 canonical N-Quads of a JSON-LD document, as this class signs it, for
     * diagnosis and tests.
     *
     * @throws IllegalArgumentException if JSON-LD processing fails (undefined term, unknown
     *     context, …)
     */
    public String canonicalNQuads(ObjectNode document) {
        try {
            return canonicalize(toJsonP(document), false);
        } catch (JsonLdError | RuntimeException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /**
     * SHA-256(canonical proof configuration) ‖ SHA-256(canonical document).
     *
     * @param signing whether to refuse documents that JavaScript verifiers may refuse (see
     *     {@link #requireDistinctBlankNodes})
     */
    private byte[] hashData(JsonObject document, JsonObject proofOptions, boolean signing) throws JsonLdError {
        // proof configuration: the options with the document's @context (VC-DI-EdDSA 3.2.5)
        JsonObjectBuilder configuration = JSON.createObjectBuilder();
        configuration.add("@context", document.getOrDefault("@context", JsonValue.NULL));
        proofOptions.forEach((name, value) -> {
            if (!"@context".equals(name)) {
                configuration.add(name, value);
            }
        });
        byte[] proofHash = sha256(canonicalize(configuration.build(), false));
        byte[] documentHash = sha256(canonicalize(document, signing));
        byte[] hashData = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, hashData, 0, proofHash.length);
        System.arraycopy(documentHash, 0, hashData, proofHash.length, documentHash.length);
        return hashData;
    }

    private String canonicalize(JsonObject document, boolean requireDistinctBlankNodes) throws JsonLdError {
        // JSON-LD expansion, as Titanium's ExpansionProcessor does it, but starting from the
        // document's @context processed once and kept (see activeContext)
        JsonValue context = document.get("@context");
        ActiveContext active = context == null ? emptyContext() : activeContext(context);
        JsonObjectBuilder body = JSON.createObjectBuilder(document);
        body.remove("@context");
        JsonValue expanded = Expansion.with(active, body.build(), null, null)
                .frameExpansion(false)
                .ordered(false)
                .compute();
        if (expanded instanceof JsonObject object && object.size() == 1 && object.containsKey("@graph")) {
            expanded = object.get("@graph");
        }
        JsonArray nodes = expanded == null || expanded.getValueType() == JsonValue.ValueType.NULL
                ? JsonValue.EMPTY_JSON_ARRAY
                : JsonUtils.toJsonArray(expanded);
        SafeMode.check(nodes);

        RdfCanon canon = RdfCanon.create(sha256(), new Budget(CANONICALIZATION_BUDGET));
        ToRdfProcessor.toRdf(canon, nodes, options);
        StringWriter nquads = new StringWriter(2048);
        NQuadsWriter writer = new NQuadsWriter(nquads);
        List<String[]> quads = new ArrayList<>();
        try {
            canon.provide(requireDistinctBlankNodes
                    ? (subject, predicate, object, datatype, language, direction, graph) -> {
                        quads.add(new String[] {subject, predicate, object, datatype, language, direction, graph});
                        return writer.quad(subject, predicate, object, datatype, language, direction, graph);
                    }
                    : writer);
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("cannot write N-Quads", e);
        }
        if (requireDistinctBlankNodes) {
            requireDistinctBlankNodes(quads);
        }
        return nquads.toString();
    }

    /**
     * Refuses a document in which two blank nodes (objects without an {@code id}) have the same
     * first-degree hash, i.e. cannot be told apart by their own statements. RDFC-1.0 then needs
     * its N-degree hashing, which {@code rdf-canonize} (the JavaScript verifiers) limits so
     * strictly by default that even a short chain of such nodes fails there. Credentials built
     * from our templates never need it; signing one that does would make a credential other
     * verifiers reject, so it is refused when signing (verification allows it, within
     * {@link #CANONICALIZATION_BUDGET}).
     */
    private static void requireDistinctBlankNodes(List<String[]> quads) throws JsonLdError {
        Map<String, List<String[]>> quadsByBlankNode = new HashMap<>();
        for (String[] quad : quads) {
            for (int position : new int[] {0, 2, 6}) {
                String term = quad[position];
                boolean resource = position != 2 || quad[3] == null;
                if (resource && term != null && term.startsWith("_:")) {
                    List<String[]> mentions = quadsByBlankNode.computeIfAbsent(term, blank -> new ArrayList<>());
                    if (mentions.isEmpty() || mentions.getLast() != quad) {
                        mentions.add(quad);
                    }
                }
            }
        }
        Map<String, String> blankNodeByFirstDegreeHash = new HashMap<>();
        for (Map.Entry<String, List<String[]>> entry : quadsByBlankNode.entrySet()) {
            String blank = entry.getKey();
            List<String> lines = new ArrayList<>();
            for (String[] q : entry.getValue()) {
                lines.add(NQuadsWriter.nquad(
                        reference(q[0], blank), q[1], q[3] == null ? reference(q[2], blank) : q[2],
                        q[3], q[4], q[5], q[6] == null ? null : reference(q[6], blank)));
            }
            lines.sort(null);
            String other = blankNodeByFirstDegreeHash.putIfAbsent(String.join("", lines), blank);
            if (other != null) {
                throw new JsonLdError(JsonLdErrorCode.UNSPECIFIED,
                        "two objects without an id (" + other + ", " + blank + ") cannot be told apart by their "
                                + "own statements (RDFC-1.0 N-degree hashing, which other verifiers limit); "
                                + "give them ids or different content");
            }
        }
    }

    /** First-degree hash form: the blank node itself is _:a, any other blank node _:z. */
    private static String reference(String term, String self) {
        if (term == null || !term.startsWith("_:")) {
            return term;
        }
        return term.equals(self) ? "_:a" : "_:z";
    }

    private ActiveContext emptyContext() {
        return new ActiveContext(null, null, ProcessingRuntime.of(options));
    }

    /**
     * The active context after processing an {@code @context} value. Processing the credentials
     * v2 and Open Badges contexts (with every scoped context in them, which JSON-LD 1.1 validates
     * at definition time) is most of the cost of a canonicalization, and every credential carries
     * the same few {@code @context} values, so a value made only of bundled context URLs is
     * processed once and its (never modified: Titanium copies an active context before changing
     * it) result kept. Anything else, e.g. an inline context, is processed on every call.
     */
    private ActiveContext activeContext(JsonValue context) throws JsonLdError {
        if (!onlyBundledUrls(context)) {
            return emptyContext().newContext().create(context, null);
        }
        String key = context.toString();
        ActiveContext cached = activeContexts.get(key);
        if (cached == null) {
            cached = emptyContext().newContext().create(context, null);
            if (activeContexts.size() < MAX_CACHED_CONTEXTS) {
                activeContexts.putIfAbsent(key, cached);
            }
        }
        return cached;
    }

    private boolean onlyBundledUrls(JsonValue context) {
        if (context instanceof JsonString url) {
            return documents.containsKey(url.getString());
        }
        if (context instanceof JsonArray array && !array.isEmpty()) {
            for (JsonValue element : array) {
                if (!(element instanceof JsonString url) || !documents.containsKey(url.getString())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * What jsonld.js "safe mode" rejects and Titanium silently drops when it makes RDF: an
     * {@code @id} or {@code @type} that did not expand to an absolute IRI (a type name the
     * contexts do not define, a relative reference) and blank-node predicates. Titanium itself
     * fails on undefined property terms ({@link ProcessingPolicy#Fail}).
     */
    static final class SafeMode {
        /** jsonld.js {@code _isAbsoluteIri}: a scheme (or "_" for blank nodes), ':', no whitespace. */
        private static final Pattern ABSOLUTE_IRI = Pattern.compile("^([A-Za-z][A-Za-z0-9+\\-.]*|_):[^\\s]*$");

        private SafeMode() {}

        static void check(JsonValue expanded) throws JsonLdError {
            switch (expanded.getValueType()) {
                case ARRAY -> {
                    for (JsonValue element : expanded.asJsonArray()) {
                        check(element);
                    }
                }
                case OBJECT -> checkObject(expanded.asJsonObject());
                default -> { }
            }
        }

        private static void checkObject(JsonObject object) throws JsonLdError {
            if (object.containsKey("@value")) {
                JsonValue datatype = object.get("@type");
                if (datatype instanceof JsonString type && !"@json".equals(type.getString())) {
                    requireIri(type.getString(), "relative @type reference");
                }
                return;
            }
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                String key = entry.getKey();
                JsonValue value = entry.getValue();
                switch (key) {
                    case "@id" -> {
                        if (value instanceof JsonString id) {
                            requireIri(id.getString(), "relative @id reference");
                        }
                    }
                    case "@type" -> {
                        for (JsonValue type : JsonUtils.toJsonArray(value)) {
                            if (type instanceof JsonString name) {
                                requireIri(name.getString(), "relative @type reference");
                            }
                        }
                    }
                    default -> {
                        if (!key.startsWith("@")) {
                            requireIri(key, "relative predicate reference");
                            if (key.startsWith("_:")) {
                                throw new JsonLdError(JsonLdErrorCode.INVALID_IRI_MAPPING,
                                        "blank node predicate: " + key);
                            }
                        }
                        check(value);
                    }
                }
            }
        }

        private static void requireIri(String iri, String problem) throws JsonLdError {
            if (!ABSOLUTE_IRI.matcher(iri).matches()) {
                throw new JsonLdError(JsonLdErrorCode.UNDEFINED_TERM,
                        problem + " [" + iri + "]: not an absolute IRI (a term or type the contexts do not define?)");
            }
        }
    }

    /** Counts RDFC-1.0 work and stops it past the budget (poison graphs). */
    private static final class Budget implements RdfCanonTicker {
        private int left;

        Budget(int ticks) {
            this.left = ticks;
        }

        @Override
        public void tick() {
            if (--left < 0) {
                throw new IllegalStateException("RDFC-1.0 canonicalization exceeded its work budget");
            }
        }
    }

    private static boolean isDateTimeStamp(JsonNode value) {
        if (value == null || !value.isString() || !DATE_TIME_STAMP.matcher(value.stringValue()).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.stringValue());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The credential's {@code issuer} (a URL, or an object with an {@code id}); null if none. */
    private static String issuerId(ObjectNode credential) {
        JsonNode issuer = credential.get("issuer");
        if (issuer instanceof ObjectNode object) {
            issuer = object.get("id");
        }
        return issuer != null && issuer.isString() && !issuer.stringValue().isEmpty() ? issuer.stringValue() : null;
    }

    private static String text(ObjectNode node, String property) {
        JsonNode value = node.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static String describe(Throwable e) {
        if (e instanceof JsonLdError error) {
            return error.getCode() + ": " + error.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    static JsonObject toJsonP(ObjectNode node) {
        return (JsonObject) toJsonValue(node);
    }

    /** The object as JSON-P, without one top-level property. */
    private static JsonObject toJsonP(ObjectNode node, String without) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!property.getKey().equals(without)) {
                object.add(property.getKey(), toJsonValue(property.getValue()));
            }
        }
        return object.build();
    }

    private static boolean isEd25519(PublicKey key) {
        return key instanceof EdECPublicKey edec && "Ed25519".equalsIgnoreCase(edec.getParams().getName());
    }

    private static JsonValue toJsonValue(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    object.add(property.getKey(), toJsonValue(property.getValue()));
                }
                return object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonNode element : node.values()) {
                    array.add(toJsonValue(element));
                }
                return array.build();
            }
            case STRING -> {
                return JSON.createValue(node.stringValue());
            }
            case BOOLEAN -> {
                return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            }
            case NUMBER -> {
                if (node.isIntegralNumber() && node.canConvertToLong() && Math.abs(node.longValue()) <= MAX_SAFE_INTEGER) {
                    return JSON.createValue(node.longValue());
                }
                // as JavaScript reads JSON, so both sides sign the same RDF: a number is a
                // double, 10.0 is the integer 10, and JSON-LD writes an integral value below
                // 1e21 as an xsd:integer with the double's exact digits (toFixed(0))
                double value = node.doubleValue();
                if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e21) {
                    return JSON.createValue(new BigDecimal(value).toBigIntegerExact());
                }
                return JSON.createValue(value);
            }
            case NULL, MISSING -> {
                return JsonValue.NULL;
            }
            default -> throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Document parse(String url, String json) {
        try {
            JsonDocument document = JsonDocument.of(MediaType.JSON_LD, new StringReader(json));
            if (document.getJsonContent().filter(content -> content instanceof JsonObject).isEmpty()) {
                throw new IllegalArgumentException("context " + url + " is not a JSON object");
            }
            document.setDocumentUrl(URI.create(url));
            return document;
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("context " + url + " is not JSON: " + describe(e), e);
        }
    }

    /** The bundled contexts, read and parsed once, when first needed. */
    private static final class Bundled {
        static final Map<String, Document> DOCUMENTS = load();

        private static Map<String, Document> load() {
            Map<String, Document> documents = new HashMap<>();
            BUNDLED_CONTEXT_FILES.forEach((url, file) -> {
                try (InputStream in = DataIntegrity.class.getResourceAsStream(CONTEXTS_FOLDER + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + CONTEXTS_FOLDER + file);
                    }
                    documents.put(url, parse(url, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return Map.copyOf(documents);
        }
    }
}
