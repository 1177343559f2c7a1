package vn.binhdan.assistant.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import vn.binhdan.assistant.SearchHit;

/**
 * An immutable in-memory index of the published content. A change of content builds a new
 * one and swaps it in, so a search never sees half an update and needs no lock.
 *
 * <p>A question is read as "concepts": a synonym phrase (all its synonyms are alternatives of one
 * concept) or a single content syllable (stop words dropped; a syllable the index does not know
 * is taken as a typo and matched fuzzily). Scoring is BM25 over the concepts, each concept's
 * alternatives in a disjunction so that a lesson naming both "VNeID" and "định danh điện tử"
 * does not count the idea twice, plus a bonus for adjacent syllables found together (Vietnamese
 * words are mostly two syllables: "lừa đảo", "mật khẩu").
 */
public final class SearchIndex {

    static final String TITLE = "title";
    static final String CONTEXT = "context";
    static final String TEXT = "text";
    private static final String KIND = "kind";
    private static final String URL = "url";
    private static final String COURSE = "course";
    private static final String LESSON = "lesson";
    /** Words of a question beyond this are not read: long pastes must not make a search slow. */
    static final int MAX_TOKENS = 40;
    /** Tuned on the evaluation set: two syllables side by side are most of a Vietnamese word. */
    static float PAIR_BOOST = Float.parseFloat(System.getProperty("binhdan.assistant.pair-boost", "1.5"));
    /** Indexed with offsets, not stored: the values are kept in {@link #docs} (see there why). */
    private static final FieldType WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);
    private static final String ORDINAL = "ordinal";
    /** The most of a text the highlighter reads; lessons are far shorter. */
    private static final int MAX_HIGHLIGHT_LENGTH = 100_000;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…;:])\\s+(?=[\\p{Lu}\\d“\"(])");

    static {
        // offsets in the postings let the highlighter mark words without analysing the text again
        WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        WITH_OFFSETS.freeze();
    }

    static final double WRONG_MARKS = Double.parseDouble(System.getProperty("binhdan.assistant.wrong-marks", "0.5"));
    private final Analyzer analyzer;
    private final Analyzer exact = IndexAnalysis.exactAnalyzer();
    private final Vocabulary vocabulary;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final UnifiedHighlighter highlighter;
    private final int size;
    /**
     * Every entry's values by Lucene doc id, as given (nulls made empty where the stored fields made
     * them so). They were Lucene stored fields, but those are LZ4-compressed in blocks: reading one
     * entry's kind, or the ten hits' titles, decompressed whole lessons, a quarter of a search's CPU
     * (profile in bench/README.md, "Search tail"). The catalogue is small and the index is in memory
     * anyway, so the values are simply kept as the strings they are.
     */
    private final IndexDoc[] docs;

    private SearchIndex(Analyzer analyzer, Vocabulary vocabulary, DirectoryReader reader, IndexDoc[] docs) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.docs = docs;
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withScorer(new FrugalPassageScorer())
                .withMaxLength(MAX_HIGHLIGHT_LENGTH);
        this.highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                           int cacheCharsThreshold) throws IOException {
                return values(fields, docIter, cacheCharsThreshold);
            }
        };
        this.size = reader.numDocs();
        Map<Integer, String> askedFiles = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            if (docs[i] != null && docs[i].asked() != null && !docs[i].asked().isBlank()) {
                StringBuilder file = new StringBuilder(docs[i].asked());
                if (HEADINGS_ASKED && docs[i].outline() != null) {
                    // the author's own label of each part, said with the lesson's title, is one more way of asking for it
                    for (String line : docs[i].outline().split("\n")) {
                        if (line.startsWith("h2\t") || line.startsWith("h3\t") || line.startsWith("h4\t")) {
                            String h = line.substring(3).strip();
                            if (Passages.isSources(h)) {
                                continue;
                            }
                            file.append('\n').append(h).append('\t').append(docs[i].title()).append(": ")
                                    .append(Passages.heading(h));
                        }
                    }
                }
                askedFiles.put(i, file.toString());
            }
        }
        this.asked = AskedQuestions.of(askedFiles, vocabulary.offTopic(), this::ideas);
    }

    private final AskedQuestions asked;
    static final boolean HEADINGS_ASKED = Boolean.parseBoolean(System.getProperty("binhdan.assistant.headings-asked", "true"));

    AskedQuestions asked() {
        return asked;
    }

    /** The parts whose asked questions come nearest to a question, best first (for explaining an answer). */
    public List<AskedQuestions.Match> nearestAsked(String question) {
        return asked.read(question).nearest();
    }

    /** Each lesson's nearest asked question (for explaining an answer). */
    public Map<Integer, AskedQuestions.Match> askedByLesson(String question) {
        return asked.read(question).byLesson();
    }

    private final Map<List<String>, String> canonical = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The ideas of a question in order, as {@link #parse} reads them but without looking at the
     * catalogue: fillers dropped (those known only with their marks too), a phrase of the synonym
     * lists as one idea named the same for every way of saying it.
     */
    List<String> ideas(String question) {
        List<String> tokens = IndexAnalysis.tokens(analyzer, question == null ? "" : question);
        List<String> exactTokens = IndexAnalysis.tokens(exact, question == null ? "" : question);
        boolean aligned = exactTokens.size() == tokens.size();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            if (aligned && vocabulary.isMarkedStopword(exactTokens.get(i))) {
                i++;
                continue;
            }
            List<String> phrase = vocabulary.phraseAt(tokens, i);
            if (phrase != null) {
                out.add(canonical.computeIfAbsent(phrase, p -> vocabulary.group(p).stream()
                        .map(f -> String.join("_", f)).min(String::compareTo).orElse(String.join("_", p))));
                i += phrase.size();
                continue;
            }
            String t = tokens.get(i++);
            if (!vocabulary.isStopword(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** What the highlighter's own loading returns, from {@link #docs}: same batching, same cut at its maximum length. */
    private List<CharSequence[]> values(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> out = new ArrayList<>();
        long chars = 0;
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            IndexDoc d = docs[doc];
            CharSequence[] values = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                String v = switch (fields[f]) {
                    case TITLE -> d.title();
                    case CONTEXT -> d.context();
                    case TEXT -> d.text();
                    default -> null;
                };
                if (v != null && v.length() > MAX_HIGHLIGHT_LENGTH) {
                    v = v.substring(0, MAX_HIGHLIGHT_LENGTH);
                }
                values[f] = v;
                chars += v == null ? 0 : v.length();
            }
            out.add(values);
            if (cacheCharsThreshold != 0 && chars > cacheCharsThreshold) {
                break;
            }
        }
        return out;
    }

    public static SearchIndex build(Analyzer analyzer, Vocabulary vocabulary, List<IndexDoc> docs) {
        try {
            // each file one buffer once written: Lucene clones its input for every postings list it
            // opens (the highlighter opens one per phrase of the question, per hit), and a clone of a
            // file kept as many small buffers duplicated every one of them, most of a search's garbage
            Directory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
                for (int i = 0; i < docs.size(); i++) {
                    IndexDoc d = docs.get(i);
                    Document doc = new Document();
                    doc.add(new Field(TITLE, d.title(), WITH_OFFSETS));
                    doc.add(new Field(CONTEXT, d.context() == null ? "" : d.context(), WITH_OFFSETS));
                    doc.add(new Field(TEXT, d.text() == null ? "" : d.text(), WITH_OFFSETS));
                    doc.add(new NumericDocValuesField(ORDINAL, i));
                    w.addDocument(doc);
                }
                w.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(dir);
            // doc ids follow the order of adding in one segment, but that is Lucene's business: ask it
            IndexDoc[] byId = new IndexDoc[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
                if (ordinals == null) {
                    continue;
                }
                for (int doc = ordinals.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ordinals.nextDoc()) {
                    IndexDoc d = docs.get((int) ordinals.longValue());
                    byId[leaf.docBase + doc] = new IndexDoc(d.kind(), d.courseCode(),
                            d.lessonCode() == null ? "" : d.lessonCode(), d.title(),
                            d.context() == null ? "" : d.context(), d.text() == null ? "" : d.text(), d.url(),
                            d.outline(), d.asked());
                }
            }
            return new SearchIndex(analyzer, vocabulary, reader, byId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return size;
    }

    /** One idea of the question: alternatives (folded token lists) and how much it tells apart. */
    /** {@code accented}: the syllable as typed, when typed with diacritics (null otherwise). */
    record Concept(List<List<String>> forms, boolean fuzzy, double weight, String accented) {
        Concept(List<List<String>> forms, boolean fuzzy, double weight) {
            this(forms, fuzzy, weight, null);
        }
    }

    /** A question read into concepts, with the query built from them. */
    /** {@code words}: every folded syllable of the question, question words included ("là gì", "ở đâu"). */
    /** {@code asks}: what kind of answer the question's own words ask for (a number, a place or whom to tell). */
    /** {@code tokens}: the question's folded syllables in order, stop words included. */
    public record Parsed(List<Concept> concepts, Query query, Set<String> words, Asks asks, List<String> tokens) {
        public Parsed(List<Concept> concepts, Query query, Set<String> words) {
            this(concepts, query, words, Asks.ANY, List.of());
        }

        public boolean isEmpty() {
            return concepts.isEmpty();
        }
    }

    /**
     * The question words that the stop-word list drops say what the answer must hold: "mấy số",
     * "bao nhiêu", "số mấy" ask for a number; "ở đâu", "trang nào", "báo ai", "hỏi ai" for a place,
     * an address or someone to turn to. A passage that holds none cannot answer them, however well
     * its words match ("passcode … mấy số" is answered by the step that says "6 chữ số").
     */
    public enum Asks { ANY, NUMBER, WHERE }

    private static final Pattern ASKS_NUMBER = Pattern.compile(
            "(?iU)\\b(mấy|bao nhiêu|bao nhieu|bao lâu|bao lau|bao xa|số nào|so may|so nao|may so|mấy số|mấy tuổi)\\b");
    private static final Pattern ASKS_WHERE = Pattern.compile(
            "(?iU)(ở đâu|o dau|chỗ nào|cho nao|nơi nào|noi nao|trang nào|trang nao|web nào|web nao|địa chỉ nào|"
                    + "\\b(báo|bao|hỏi|hoi|gọi|goi|liên hệ|lien he|nhờ|nho|tìm|tim|đến|den) (cho )?(?-i:ai)\\s*[?.!]?\\s*$|đi đâu|di dau|làm ở đâu)");

    static Asks asks(String question) {
        if (question == null) {
            return Asks.ANY;
        }
        if (ASKS_WHERE.matcher(question).find()) {
            return Asks.WHERE;
        }
        // "mấy" is also "máy" once folded: only the typed word, or the unaccented phrases that cannot be "máy"
        return ASKS_NUMBER.matcher(question).find() ? Asks.NUMBER : Asks.ANY;
    }

    public Parsed parse(String question) {
        List<String> tokens = IndexAnalysis.tokens(analyzer, question == null ? "" : question);
        if (tokens.size() > MAX_TOKENS) {
            tokens = tokens.subList(0, MAX_TOKENS);
        }
        List<String> exactTokens = IndexAnalysis.tokens(exact, question == null ? "" : question);
        if (exactTokens.size() > MAX_TOKENS) {
            exactTokens = exactTokens.subList(0, MAX_TOKENS);
        }
        boolean aligned = exactTokens.size() == tokens.size();
        // written in capitals, "AI" is never "who"
        boolean saysAi = question != null && question.matches("(?s).*\\bAI\\b.*");
        List<Concept> concepts = new ArrayList<>();
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        String previous = null;
        for (int i = 0; i < tokens.size(); ) {
            if (aligned && vocabulary.isMarkedStopword(exactTokens.get(i))) {
                // before the synonym phrases: typed with its marks, "cái" is not the "cài" of "cài đặt"
                i++;
                previous = null;
                continue;
            }
            List<String> phrase = !saysAi && isWho(tokens, i) ? null : vocabulary.phraseAt(tokens, i);
            if (phrase != null) {
                List<List<String>> forms = vocabulary.group(phrase);
                concepts.add(new Concept(forms, false, weight(forms)));
                i += phrase.size();
                previous = null;
                continue;
            }
            String t = tokens.get(i++);
            if (vocabulary.isStopword(t) || (!saysAi && isWho(tokens, i - 1))) {
                // a stop word still binds a word beside it: "đăng lên mạng" is not "đăng" and "mạng" apart
                if (previous != null && !t.equals("ai")) {
                    addPair(q, previous, t);
                }
                previous = null;
                continue;
            }
            boolean known = df(TEXT, t) > 0 || df(TITLE, t) > 0;
            if (!known && t.length() < 4) {
                // too short to correct safely: "vag" could be any of a dozen words
                concepts.add(new Concept(List.of(List.of(t)), false, idf(0)));
                previous = null;
                continue;
            }
            if (concepts.stream().noneMatch(c -> c.forms().contains(List.of(t)))) {
                String typed = aligned && known && !exactTokens.get(i - 1).equals(t) ? exactTokens.get(i - 1) : null;
                concepts.add(new Concept(List.of(List.of(t)), !known, known ? weight(List.of(List.of(t))) : idf(size / 50),
                        typed));
            }
            if (known && i >= 2 && previous == null && vocabulary.isStopword(tokens.get(i - 2))) {
                addPair(q, tokens.get(i - 2), t);
            }
            if (previous != null && known) {
                addPair(q, previous, t);
            }
            previous = known ? t : null;
        }
        for (Concept c : concepts) {
            q.add(conceptQuery(c), BooleanClause.Occur.SHOULD);
        }
        return new Parsed(concepts, q.build(), new HashSet<>(tokens), asks(question), List.copyOf(tokens));
    }

    private static void addPair(BooleanQuery.Builder q, String first, String second) {
        q.add(new BoostQuery(new PhraseQuery(TEXT, first, second), PAIR_BOOST), BooleanClause.Occur.SHOULD);
        q.add(new BoostQuery(new PhraseQuery(TITLE, first, second), 2 * PAIR_BOOST), BooleanClause.Occur.SHOULD);
    }

    /**
     * "ai" is both "who" and "AI" once folded. At the end of a question or after a verb of
     * telling or asking ("báo cho ai", "hỏi ai") it is "who", a question word like the others.
     */
    private static boolean isWho(List<String> tokens, int i) {
        if (!tokens.get(i).equals("ai")) {
            return false;
        }
        return i == tokens.size() - 1 || (i > 0 && WHO_BEFORE.contains(tokens.get(i - 1)));
    }

    private static final Set<String> WHO_BEFORE = Set.of("cho", "voi", "hoi", "goi", "bao", "nho", "la", "gap", "tim");

    private Query conceptQuery(Concept c) {
        List<Query> alternatives = new ArrayList<>();
        for (List<String> form : c.forms()) {
            alternatives.add(new BoostQuery(fieldQuery(TITLE, form, c.fuzzy()), 2.5f));
            alternatives.add(new BoostQuery(fieldQuery(CONTEXT, form, c.fuzzy()), 0.5f));
            alternatives.add(fieldQuery(TEXT, form, c.fuzzy()));
        }
        return new DisjunctionMaxQuery(alternatives, 0.3f);
    }

    private static Query fieldQuery(String field, List<String> form, boolean fuzzy) {
        if (form.size() > 1) {
            return new PhraseQuery(field, form.toArray(String[]::new));
        }
        String t = form.getFirst();
        if (fuzzy) {
            return new FuzzyQuery(new Term(field, t), t.length() >= 8 ? 2 : 1, 1);
        }
        return new TermQuery(new Term(field, t));
    }

    private int df(String field, String token) {
        try {
            return reader.docFreq(new Term(field, token));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double idf(int df) {
        return Math.log(1 + (size - df + 0.5) / (df + 0.5));
    }

    /** A phrase is as rare as its rarest syllable (an upper bound; good enough to weigh coverage). */
    private double weight(List<List<String>> forms) {
        double best = 0;
        for (List<String> form : forms) {
            int df = Integer.MAX_VALUE;
            for (String t : form) {
                df = Math.min(df, Math.max(df(TEXT, t), df(TITLE, t)));
            }
            best = Math.max(best, idf(df));
        }
        return best;
    }

    /** A ranked result before it is shown. */
    public record Ranked(int doc, double score, String kind) {
    }

    public List<Ranked> rank(Parsed parsed, int n) {
        if (parsed.isEmpty()) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(parsed.query(), Math.max(n * 3, 30));
            List<Ranked> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                String kind = docs[sd.doc].kind();
                // course and module entries name a topic but do not teach it: a lesson wins a tie
                double factor = "LESSON".equals(kind) ? 1.0 : 0.55;
                out.add(new Ranked(sd.doc, sd.score * factor, kind));
            }
            out.sort(Comparator.comparingDouble(Ranked::score).reversed());
            return out.size() > n ? out.subList(0, n) : out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SearchHit> search(String question, int n) {
        Parsed parsed = parse(question);
        return hits(parsed, rank(parsed, n));
    }

    public List<SearchHit> hits(Parsed parsed, List<Ranked> ranked) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        try {
            ScoreDoc[] scored = ranked.stream().map(r -> new ScoreDoc(r.doc(), (float) r.score())).toArray(ScoreDoc[]::new);
            TopDocs topDocs = new TopDocs(new TotalHits(scored.length, TotalHits.Relation.EQUAL_TO), scored);
            String[] snippets = highlighter.highlight(TEXT, onlyField(parsed.query(), TEXT), topDocs, 2);
            List<SearchHit> out = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                IndexDoc d = docs[ranked.get(i).doc()];
                String snippet = snippets[i];
                if (snippet == null || snippet.isBlank()) {
                    snippet = escape(abbreviate(d.text(), 220));
                }
                out.add(new SearchHit(d.kind(), d.title(), d.context(), d.url(), d.courseCode(),
                        d.lessonCode().isEmpty() ? null : d.lessonCode(), snippet, round(ranked.get(i).score())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The part of a query that searches one field, the rest left out. The highlighter asks every
     * clause of the query where it matches each hit and only then keeps the field it highlights:
     * the title's and the context's phrases opened postings for nothing, two thirds of the
     * highlighting's work (profile in bench/README.md, "Search tail"). Which words are marked
     * does not change, since only the field's own clauses ever marked any.
     */
    static Query onlyField(Query query, String field) {
        return switch (query) {
            case BooleanQuery b -> {
                BooleanQuery.Builder out = new BooleanQuery.Builder();
                for (BooleanClause c : b.clauses()) {
                    Query kept = onlyField(c.query(), field);
                    if (kept != null) {
                        out.add(kept, c.occur());
                    }
                }
                yield out.build();
            }
            case BoostQuery b -> {
                Query kept = onlyField(b.getQuery(), field);
                yield kept == null ? null : new BoostQuery(kept, b.getBoost());
            }
            case DisjunctionMaxQuery d -> {
                List<Query> kept = new ArrayList<>();
                for (Query q : d.getDisjuncts()) {
                    Query k = onlyField(q, field);
                    if (k != null) {
                        kept.add(k);
                    }
                }
                yield kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, d.getTieBreakerMultiplier());
            }
            case PhraseQuery p -> field.equals(p.getField()) ? p : null;
            case TermQuery t -> field.equals(t.getTerm().field()) ? t : null;
            case FuzzyQuery f -> field.equals(f.getField()) ? f : null;
            default -> query;
        };
    }

    /**
     * The share of the question's concepts, weighted by rarity, that a document contains: how
     * much of what was asked the document speaks of. BM25 scores are not comparable between
     * questions; this is, so the "nothing relevant" threshold can be one number.
     */
    public double coverage(Parsed parsed, int doc) {
        double total = 0;
        double found = 0;
        try {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            for (Concept c : parsed.concepts()) {
                total += c.weight();
                Weight w = searcher.createWeight(searcher.rewrite(conceptQuery(c)), ScoreMode.COMPLETE_NO_SCORES, 1f);
                if (w.matches(leaf, doc - leaf.docBase) != null) {
                    found += c.weight();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total == 0 ? 0 : found / total;
    }

    /** A sentence of a lesson, scored against the question. */
    public record Sentence(int doc, int order, String text, double score, double coverage) {
    }

    /** The sentences of a document that speak of the question's concepts, best first. */
    public List<Sentence> sentences(Parsed parsed, int doc, double docFactor) {
        String text = docs[doc].text();
        List<Sentence> out = new ArrayList<>();
        double total = parsed.concepts().stream().mapToDouble(Concept::weight).sum();
        int order = 0;
        for (String block : text.split("\n")) {
            for (String s : SENTENCE_END.split(block.strip())) {
                order++;
                List<String> tokens = IndexAnalysis.tokens(analyzer, s);
                if (tokens.size() < 4) {
                    continue; // headings and fragments say nothing on their own
                }
                double score = 0;
                List<String> exactTokens = null;
                for (Concept c : parsed.concepts()) {
                    if (matches(c, tokens)) {
                        if (c.accented() != null) {
                            exactTokens = exactTokens == null ? IndexAnalysis.tokens(exact, s) : exactTokens;
                            // the syllable with other diacritics is most often another word ("lúa" is not
                            // "lừa"); it still counts a little, for a learner who typed the wrong mark
                            score += exactTokens.contains(c.accented()) ? c.weight() : WRONG_MARKS * c.weight();
                        } else {
                            score += c.weight();
                        }
                    }
                }
                if (score > 0) {
                    // a long sentence matches by chance more often; a short one that matches says more
                    double length = 1.0 / (1 + Math.max(0, tokens.size() - 25) / 25.0);
                    out.add(new Sentence(doc, order, s.strip(), score * docFactor * length, total == 0 ? 0 : score / total));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Sentence::score).reversed());
        return out;
    }

    private static boolean matches(Concept c, List<String> tokens) {
        for (List<String> form : c.forms()) {
            for (int i = 0; i + form.size() <= tokens.size(); i++) {
                if (form.size() == 1 && c.fuzzy()) {
                    if (withinEdits(form.getFirst(), tokens.get(i), form.getFirst().length() >= 8 ? 2 : 1)) {
                        return true;
                    }
                } else if (tokens.subList(i, i + form.size()).equals(form)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Edit distance with adjacent transpositions ("vnied" is one slip from "vneid"), with an early
     * exit: the same tolerance as the fuzzy query, which counts a transposition as one edit.
     */
    static boolean withinEdits(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max || a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        int[] prev2 = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
                }
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return false;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()] <= max;
    }

    /** A lesson's passages (its outline cut at headings); a document without outline is one passage. */
    public List<Passages.Passage> passages(int doc) {
        IndexDoc d = docs[doc];
        return Passages.split(doc, d.outline(), d.text());
    }

    /**
     * How well a passage answers: {@code coverage} of the question's weight, {@code score} to rank the
     * passages of one lesson, {@code unitCoverage} the share of the question's weight its best single
     * sentence or list item covers, read under the passage's headings (an item "Quên mật khẩu: …"
     * under "Giữ an toàn cho tài khoản VNeID" speaks of VNeID).
     */
    public record PassageScore(Passages.Passage passage, double score, double coverage, double unitCoverage) {
        PassageScore(Passages.Passage passage, double score, double coverage) {
            this(passage, score, coverage, 0);
        }
    }

    /**
     * The passages of one lesson, scored. A passage answers a question when its words cover the
     * question, its heading names it (the author's own label of what the passage is about), and one
     * paragraph or step gathers much of it; a long passage is marked down a little, because it
     * covers words by chance. Within a lesson a word of the question that every passage has (the
     * lesson's own topic: "điện thoại" in the phone lesson) tells the passages apart less than one
     * only a few have ("mất"), so each idea is weighed again by how few passages speak of it.
     */
    public List<PassageScore> scorePassages(Parsed parsed, int doc, double docFactor) {
        List<Passages.Passage> passages = passages(doc);
        List<Concept> concepts = parsed.concepts();
        int n = passages.size();
        if (n == 0 || concepts.isEmpty()) {
            return List.of();
        }
        // per passage and idea: 0 absent, otherwise the share it counts (typed marks that differ count less)
        double[][] inBody = new double[n][concepts.size()];
        boolean[][] inHead = new boolean[n][concepts.size()];
        String title = stored(doc).get(TITLE);
        // an idea the lesson's title names is what every passage of it speaks of ("cần chuẩn bị gì" under "Sổ sức khỏe điện tử")
        List<String> titleTokens = IndexAnalysis.tokens(analyzer, title);
        double[] inTitle = new double[concepts.size()];
        for (int c = 0; c < concepts.size(); c++) {
            inTitle[c] = TITLE_CONTEXT && matches(concepts.get(c), titleTokens) ? 1 : 0;
        }
        double[][] bestBlock = new double[n][];
        double[] bestUnit = new double[n];
        int[] tokenCount = new int[n];
        double totalWeight = concepts.stream().mapToDouble(Concept::weight).sum();
        for (int i = 0; i < n; i++) {
            Passages.Passage p = passages.get(i);
            String body = p.searchable() + (p.parent() == null ? "" : "\n" + p.parent());
            List<String> tokens = IndexAnalysis.tokens(analyzer, body);
            tokenCount[i] = tokens.size();
            List<String> headTokens = IndexAnalysis.tokens(analyzer, p.heading() == null ? "" : p.heading());
            // what every sentence of the passage is about: its headings and the lesson's own title
            List<String> contextTokens = IndexAnalysis.tokens(analyzer, p.headings());
            List<String> exactTokens = null;
            for (int c = 0; c < concepts.size(); c++) {
                Concept concept = concepts.get(c);
                boolean head = matches(concept, headTokens);
                if (head || matches(concept, tokens)) {
                    double share = 1;
                    if (concept.accented() != null) {
                        exactTokens = exactTokens == null ? IndexAnalysis.tokens(exact, body + "\n" + p.headings()) : exactTokens;
                        share = exactTokens.contains(concept.accented()) ? 1 : WRONG_MARKS;
                    }
                    inBody[i][c] = share;
                    inHead[i][c] = head;
                }
            }
            double[] inContext = new double[concepts.size()];
            for (int c = 0; c < concepts.size(); c++) {
                inContext[c] = Math.max(inTitle[c],
                        inBody[i][c] > 0 && matches(concepts.get(c), contextTokens) ? inBody[i][c] * HEADING_CONTEXT : 0);
            }
            List<double[]> blocks = new ArrayList<>();
            for (Passages.Block b : p.blocks()) {
                if (b.kind().equals("sub")) {
                    continue;
                }
                List<String> bt = IndexAnalysis.tokens(analyzer, b.text());
                double[] m = new double[concepts.size()];
                for (int c = 0; c < concepts.size(); c++) {
                    m[c] = inBody[i][c] > 0 && matches(concepts.get(c), bt) ? inBody[i][c] : 0;
                }
                blocks.add(m);
                // one sentence (a list item whole) that gathers the question: the gate of an answer
                List<String> units = b.kind().equals("p") ? Passages.sentences(b.text()) : List.of(b.text());
                for (String u : units) {
                    List<String> ut = units.size() == 1 ? bt : IndexAnalysis.tokens(analyzer, u);
                    if (ut.size() < MIN_UNIT_TOKENS) {
                        continue;
                    }
                    double covered = 0;
                    for (int c = 0; c < concepts.size(); c++) {
                        double share = m[c] > 0 && (units.size() == 1 || matches(concepts.get(c), ut)) ? m[c] : 0;
                        covered += Math.max(share, inContext[c]) * concepts.get(c).weight();
                    }
                    bestUnit[i] = Math.max(bestUnit[i], totalWeight == 0 ? 0 : covered / totalWeight);
                }
            }
            bestBlock[i] = flatten(blocks.toArray(double[][]::new));
        }
        double[] local = new double[concepts.size()];
        double total = 0;
        double totalGlobal = 0;
        for (int c = 0; c < concepts.size(); c++) {
            int having = 0;
            for (int i = 0; i < n; i++) {
                having += inBody[i][c] > 0 ? 1 : 0;
            }
            local[c] = Math.pow(concepts.get(c).weight(), GLOBAL_POWER) * (LOCAL_FLOOR + Math.log(1 + (double) n / Math.max(1, having)));
            total += local[c];
            totalGlobal += concepts.get(c).weight();
        }
        // words of the lesson's title are its topic, said in every heading's context: they echo nothing
        Set<String> topic = new HashSet<>(IndexAnalysis.tokens(analyzer, title));
        Set<String> asked = new HashSet<>(parsed.words());
        asked.removeAll(topic);
        boolean topicOnly = asked.isEmpty();
        if (asked.isEmpty()) {
            // the question is the lesson's topic itself ("kích hoạt định danh mức 2"): its headings still tell which part
            asked.addAll(parsed.words());
        }
        // "cách…", "làm sao…", "các bước…": a question of how is answered by the lesson's steps
        boolean howTo = parsed.words().contains("cach") || parsed.words().contains("buoc")
                || parsed.words().contains("huong") || (parsed.words().contains("lam") && parsed.words().contains("sao"))
                || (parsed.words().contains("the") && parsed.words().contains("nao"));
        List<PassageScore> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Passages.Passage p = passages.get(i);
            double found = 0;
            double foundGlobal = 0;
            double head = 0;
            for (int c = 0; c < concepts.size(); c++) {
                found += inBody[i][c] * local[c];
                foundGlobal += Math.max(inBody[i][c], inTitle[c]) * concepts.get(c).weight();
                head += inHead[i][c] ? inBody[i][c] * local[c] : 0;
            }
            if (p.sections() == 2) {
                // two procedures join only when each heading names a part of the question the other does not
                List<String> subs = p.blocks().stream().filter(b -> b.kind().equals("sub")).map(Passages.Block::text).toList();
                double single = 0;
                for (String h : subs) {
                    single = Math.max(single, weightIn(parsed, h));
                }
                if (subs.size() != 2 || single >= weightIn(parsed, String.join("\n", subs))) {
                    out.add(new PassageScore(p, 0, 0));
                    continue;
                }
            }
            double best = 0;
            int per = concepts.size();
            for (int k = 0; k + per <= bestBlock[i].length; k += per) {
                double sum = 0;
                for (int c = 0; c < per; c++) {
                    sum += bestBlock[i][k + c] * local[c];
                }
                best = Math.max(best, sum);
            }
            // a heading that says the question back ("… là gì?", "… ở đâu?") is the author's answer to it
            double echo = 0;
            if (p.heading() != null && !asked.isEmpty()) {
                Set<String> hw = new HashSet<>(IndexAnalysis.tokens(analyzer, p.heading()));
                echo = asked.stream().filter(hw::contains).count() / (double) asked.size();
            }
            double length = 1.0 / (1 + Math.max(0, tokenCount[i] - 120) / 240.0);
            double kind = switch (p.kind()) {
                case OPENING -> OPENING_FACTOR;
                // a question that only names the lesson's topic ("an toàn thông tin tại cơ quan") is answered by its summary
                case SUMMARY -> topicOnly ? TOPIC_SUMMARY_FACTOR : SUMMARY_FACTOR;
                case SECTION -> 1.0;
            };
            if (howTo && p.hasSteps()) {
                kind *= HOW_TO_FACTOR;
            }
            if (parsed.asks() != Asks.ANY) {
                kind *= holds(parsed.asks(), p) ? ASKS_FACTOR : 1.0;
            }
            double score = found == 0 ? 0
                    : (found / total + HEADING_WEIGHT * head / total + BEST_BLOCK_WEIGHT * best / total + ECHO_WEIGHT * echo)
                    * length * kind * docFactor;
            out.add(new PassageScore(p, score, totalGlobal == 0 ? 0 : foundGlobal / totalGlobal, bestUnit[i]));
        }
        return out;
    }

    /** How much more a passage weighs that holds what the question asks for (a number, a place, a contact). */
    static final double ASKS_FACTOR = Double.parseDouble(System.getProperty("binhdan.assistant.asks-factor", "1.4"));
    /** A number in the text, not a step's own number: "6 chữ số", "111", "10 triệu", "20 giây". */
    private static final Pattern A_NUMBER = Pattern.compile("(?u)(^|[^\\p{L}\\d.])\\d+([.,]\\d+)*(?![.)]\\s)");
    /** An address, a hotline or a place to turn to. */
    private static final Pattern A_PLACE = Pattern.compile("(?iu)([a-z0-9-]+\\.)+(gov\\.vn|vn|com)\\b|\\b\\d{3,}\\b|"
            + "tổng đài|công an|ngân hàng|bộ phận|ủy ban|trạm y tế|cơ quan|nhà cung cấp|nhà mạng|thầy cô|bố mẹ|bệnh viện|"
            + "cán bộ|trang |ứng dụng|cổng|quầy");

    static boolean holds(Asks asks, Passages.Passage p) {
        String text = p.searchable();
        return switch (asks) {
            case NUMBER -> A_NUMBER.matcher(text).find();
            case WHERE -> A_PLACE.matcher(text).find();
            case ANY -> true;
        };
    }

    /** A sentence shorter than this says nothing on its own (a heading, "Cách kiểm tra:"). */
    static final int MIN_UNIT_TOKENS = 4;
    /**
     * How much a word of the question found in the passage's headings counts for each of its
     * sentences, when one sentence must gather the question: the heading is what the sentence is about.
     */
    static final double HEADING_CONTEXT = Double.parseDouble(System.getProperty("binhdan.assistant.heading-context", "1.0"));
    static final boolean TITLE_CONTEXT = Boolean.parseBoolean(System.getProperty("binhdan.assistant.title-context", "true"));

    private static double[] flatten(double[][] rows) {
        int per = rows.length == 0 ? 0 : rows[0].length;
        double[] out = new double[rows.length * per];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * per, per);
        }
        return out;
    }

    /**
     * How much an idea's rarity in the whole catalogue still counts inside the lesson already chosen:
     * folded syllables are common across lessons ("mất" and "mật" are both "mat"), so it counts little.
     */
    static final double GLOBAL_POWER = Double.parseDouble(System.getProperty("binhdan.assistant.global-power", "0.5"));
    static final double LOCAL_FLOOR = Double.parseDouble(System.getProperty("binhdan.assistant.local-floor", "0.2"));

    /** Tuned on eval.csv (not on the held-out set): see bench/README.md. */
    static final double HEADING_WEIGHT = Double.parseDouble(System.getProperty("binhdan.assistant.heading-weight", "1.0"));
    static final double BEST_BLOCK_WEIGHT = Double.parseDouble(System.getProperty("binhdan.assistant.block-weight", "1.0"));
    static final double ECHO_WEIGHT = Double.parseDouble(System.getProperty("binhdan.assistant.echo-weight", "2.0"));
    static final double HOW_TO_FACTOR = Double.parseDouble(System.getProperty("binhdan.assistant.how-to-factor", "1.3"));
    static final double OPENING_FACTOR = Double.parseDouble(System.getProperty("binhdan.assistant.opening-factor", "0.8"));
    static final double TOPIC_SUMMARY_FACTOR = Double.parseDouble(System.getProperty("binhdan.assistant.topic-summary-factor", "1.5"));
    static final double SUMMARY_FACTOR = Double.parseDouble(System.getProperty("binhdan.assistant.summary-factor", "0.7"));

    /** Whether a text speaks of a concept of the question (the words of one answer line). */
    public double weightIn(Parsed parsed, String text) {
        List<String> tokens = IndexAnalysis.tokens(analyzer, text);
        double s = 0;
        for (Concept c : parsed.concepts()) {
            if (matches(c, tokens)) {
                s += c.weight();
            }
        }
        return s;
    }

    /**
     * Whether the document says one of the question's terms of the platform's vocabulary: an idea the
     * synonym lists name ("mã otp", "vneid", "chữ ký số"), not a run of everyday syllables.
     */
    public boolean holdsATerm(Parsed parsed, int doc) {
        List<String> tokens = IndexAnalysis.tokens(analyzer, docs[doc].title() + "\n" + docs[doc].text());
        List<Concept> concepts = parsed.concepts();
        boolean term = false;
        for (Concept c : concepts) {
            term |= c.forms().size() > 1 && matches(c, tokens);
        }
        if (!term || STORY_TAIL <= 0) {
            return term;
        }
        // what is asked comes last ("…, hỏi tỷ giá đô la mỹ hôm nay"; "… bao giờ mới kích hoạt được"): the
        // story's terms alone do not make the lesson speak of it
        List<String> typed = null;
        // the last ideas that tell anything apart: "giá" is said of every "đánh giá"
        int seen = 0;
        for (int c = concepts.size() - 1; c >= 0 && seen < STORY_TAIL; c--) {
            Concept concept = concepts.get(c);
            if (concept.weight() < STORY_TAIL_WEIGHT) {
                continue;
            }
            seen++;
            if (!matches(concept, tokens) || !saidWithItsNeighbour(parsed, concept, tokens)) {
                continue;
            }
            if (concept.accented() == null) {
                return true;
            }
            // typed with marks, the syllable must be said with them: "giá" (a price) is not the "gia" of "gia đình"
            typed = typed == null ? IndexAnalysis.tokens(exact, docs[doc].title() + "\n" + docs[doc].text()) : typed;
            if (typed.contains(concept.accented())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A one-syllable idea is half of a word more often than not ("tỷ" of "tỷ giá", said in a lesson only as
     * "tỷ lệ"): where the question has a word of content beside it, the lesson must say the two together.
     */
    private boolean saidWithItsNeighbour(Parsed parsed, Concept concept, List<String> docTokens) {
        if (concept.forms().size() != 1 || concept.forms().getFirst().size() != 1) {
            return true;
        }
        String syllable = concept.forms().getFirst().getFirst();
        List<String> q = parsed.tokens();
        int at = q.indexOf(syllable);
        if (at < 0) {
            return true;
        }
        List<String> pairs = new ArrayList<>();
        if (at > 0 && !vocabulary.isStopword(q.get(at - 1))) {
            pairs.add(q.get(at - 1) + " " + syllable);
        }
        if (at + 1 < q.size() && !vocabulary.isStopword(q.get(at + 1))) {
            pairs.add(syllable + " " + q.get(at + 1));
        }
        if (pairs.isEmpty()) {
            return true;
        }
        for (int i = 0; i + 1 < docTokens.size(); i++) {
            if (pairs.contains(docTokens.get(i) + " " + docTokens.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    static final int STORY_TAIL = Integer.getInteger("binhdan.assistant.story-tail", 2);
    static final double STORY_TAIL_WEIGHT = Double.parseDouble(System.getProperty("binhdan.assistant.story-tail-weight", "1.0"));

    /** Which of the question's ideas a text speaks of, in the order of {@link Parsed#concepts()}. */
    boolean[] conceptsIn(Parsed parsed, String text) {
        List<String> tokens = IndexAnalysis.tokens(analyzer, text);
        boolean[] out = new boolean[parsed.concepts().size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = matches(parsed.concepts().get(c), tokens);
        }
        return out;
    }

    /** A document's whole text, as indexed (lessons: the body without markup). */
    public String text(int doc) {
        return docs[doc].text();
    }

    public Map<String, String> stored(int doc) {
        IndexDoc d = docs[doc];
        Map<String, String> out = new LinkedHashMap<>();
        out.put(KIND, d.kind());
        out.put(TITLE, d.title());
        out.put(CONTEXT, d.context());
        out.put(URL, d.url());
        out.put(COURSE, d.courseCode());
        out.put(LESSON, d.lessonCode());
        return out;
    }

    /** The folded content keywords of a question, sorted: questions that share them are one group. */
    public String keywords(String question) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String t : IndexAnalysis.tokens(analyzer, question)) {
            if (!vocabulary.isStopword(t) && seen.add(t)) {
                out.add(t);
            }
        }
        out.sort(null);
        String joined = String.join(" ", out.size() > 20 ? out.subList(0, 20) : out);
        return joined.length() > 300 ? joined.substring(0, 300) : joined;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        String flat = s.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
