package vn.binhdan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.assistant.SearchHit;
import vn.binhdan.assistant.internal.search.AssistantEngine;
import vn.binhdan.assistant.internal.search.IndexAnalysis;
import vn.binhdan.assistant.internal.search.IndexContent;
import vn.binhdan.assistant.internal.search.IndexDoc;
import vn.binhdan.assistant.internal.search.SearchIndex;
import vn.binhdan.assistant.internal.search.Vocabulary;

/**
 * The assistant's figures (issue 6): search recall@3 and MRR on the evaluation set, the share of
 * assistant answers citing a right lesson, the share of unrelated questions honestly refused,
 * and search / assistant p95 over the shipped courses plus 10,000 generated lessons — each beside
 * a baseline of the same run: a plain Lucene TermQuery over whitespace tokens, lower-cased, with
 * no folding, synonyms or typo tolerance.
 *
 * <p>Arguments: generated lessons (default 10,000), timed iterations (default 2,000),
 * coverage threshold of the assistant (default 0.6).
 */
public final class AssistantBench {

    /** {@code keyFact}: parts joined by &, each with alternatives joined by /, null for an unrelated question. */
    record Case(Set<String> lessons, String keyFact, String question, String asker) {
    }

    /** The shipped courses made for each target group, as the platform reads them from the courses' target groups. */
    static final java.util.Map<String, Set<String>> COURSES_FOR = new java.util.HashMap<>();

    /**
     * The courses the platform prefers for an asker: those of her groups other than the adult
     * citizens' (a civil servant is an adult too, but asks as one), else the adults'.
     */
    static Set<String> ownCourses(String asker) {
        return asker == null ? Set.of() : COURSES_FOR.getOrDefault(asker, Set.of());
    }

    /** The {@code HELDOUTn} switches and the held-out sets they run. */
    static final String[][] HELD_OUT = {
            {"HELDOUT2", "assistant/eval-heldout-2.csv", "second held-out set (eval-heldout-2.csv, its misses read by category in the third round)", "SHOW_HELDOUT2"},
            {"HELDOUT3", "assistant/eval-heldout-3.csv", "third held-out set (eval-heldout-3.csv, its misses read after the third round)", "SHOW_HELDOUT3"},
            {"HELDOUT4", "assistant/eval-heldout-4.csv", "fourth held-out set (eval-heldout-4.csv, its misses read after the third round's final run)", "SHOW_HELDOUT4"},
            {"HELDOUT5", "assistant/eval-heldout-5.csv", "fifth held-out set (eval-heldout-5.csv, its misses read after the fifth round's run)", "SHOW_HELDOUT5"},
            {"HELDOUT6", "assistant/eval-heldout-6.csv", "sixth held-out set (eval-heldout-6.csv, its misses read after the fifth round's run)", "SHOW_HELDOUT6"},
            {"HELDOUT7", "assistant/eval-heldout-7.csv", "seventh held-out set (eval-heldout-7.csv, its misses read after the sixth round's run)", "SHOW_HELDOUT7"},
            {"HELDOUT8", "assistant/eval-heldout-8.csv", "eighth held-out set (eval-heldout-8.csv, its refusals read after the seventh round's run)", "SHOW_HELDOUT8"},
            {"HELDOUT9", "assistant/eval-heldout-9.csv", "ninth held-out set (eval-heldout-9.csv, run once after the seventh round, unread)", "SHOW_HELDOUT9"},
            {"HELDOUT10", "assistant/eval-heldout-10.csv", "tenth held-out set (eval-heldout-10.csv, its refusals read after the eighth round's run)", "SHOW_HELDOUT10"},
            {"HELDOUT11", "assistant/eval-heldout-11.csv", "eleventh held-out set (eval-heldout-11.csv, run once on the asked-questions engine, then read)", "SHOW_HELDOUT11"},
            {"HELDOUT12", "assistant/eval-heldout-12.csv", "twelfth held-out set (eval-heldout-12.csv, run once on the asked-questions engine, then read)", "SHOW_HELDOUT12"},
            {"HELDOUT13", "assistant/eval-heldout-13.csv", "thirteenth held-out set (eval-heldout-13.csv, run once on the second asked-questions round, then read)", "SHOW_HELDOUT13"},
            {"HELDOUT14", "assistant/eval-heldout-14.csv", "fourteenth held-out set (eval-heldout-14.csv, run once on the third asked-questions round)", "SHOW_HELDOUT14"}};

    public static void main(String[] args) throws Exception {
        int generated = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        double threshold = args.length > 2 ? Double.parseDouble(args[2]) : 0.6;
        System.out.printf("load average at the start %s", Files.readString(Path.of("/proc/loadavg")));
        System.out.printf(Locale.ROOT, "cores %d, JDK %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        List<IndexDoc> shipped = shippedDocs();
        List<Case> cases = evalCases();
        List<Case> answerable = cases.stream().filter(c -> !c.lessons().isEmpty()).toList();
        List<Case> unrelated = cases.stream().filter(c -> c.lessons().isEmpty()).toList();
        Analyzer analyzer = IndexAnalysis.analyzer();
        Vocabulary vocabulary = Vocabulary.load(analyzer);
        System.out.printf(Locale.ROOT, "shipped entries %d (%d lessons); evaluation: %d answerable questions, %d unrelated; %d synonym groups%n",
                shipped.size(), shipped.stream().filter(d -> d.kind().equals("LESSON")).count(), answerable.size(),
                unrelated.size(), vocabulary.groups());

        SearchIndex small = SearchIndex.build(analyzer, vocabulary, shipped);
        if (System.getenv("ASK") != null) {
            // one question, explained: what the assistant read and what it would say
            String q = System.getenv("ASK");
            System.out.println(small.parse(q));
            for (var r : small.rank(small.parse(q), 12).stream().filter(r -> "LESSON".equals(r.kind())).limit(6).toList()) {
                System.out.printf(Locale.ROOT, "lesson %s story-term %b score %.2f coverage %.2f%n", small.stored(r.doc()).get("lesson"), small.holdsATerm(small.parse(q), r.doc()),
                        r.score(), small.coverage(small.parse(q), r.doc()));
                for (var ps : small.scorePassages(small.parse(q), r.doc(), 1.0)) {
                    var p = ps.passage();
                    System.out.printf(Locale.ROOT, "   %.3f cov %.2f unit %.2f %s %s/%s%n", ps.score(), ps.coverage(),
                            ps.unitCoverage(), p.kind(), p.parent(), p.heading());
                }
            }
            for (var m : small.nearestAsked(q)) {
                System.out.printf(Locale.ROOT, "asked %.3f support %.3f %s / %s%n", m.similarity(), m.support(),
                        m.doc() < 0 ? "(off topic)" : small.stored(m.doc()).get("lesson"), m.heading());
            }
            AssistantEngine.Extract e = AssistantEngine.answer(small, q, threshold, AssistantEngine.MIN_SENTENCE_COVERAGE,
                    ownCourses(System.getenv("ASKER")));
            System.out.println(e.answered() + " " + e.coverage() + " " + e.cited().stream().map(d -> d.get("lesson")).toList()
                    + "\n" + e.answer());
            return;
        }
        if (System.getenv("RANKS") != null) {
            // every labelled question with the search's candidate lessons, for studying the lesson choice offline
            java.util.List<String> files = new java.util.ArrayList<>(java.util.List.of("assistant/eval.csv", "assistant/eval-heldout.csv"));
            for (String[] h : HELD_OUT) {
                files.add(h[1]);
            }
            try (var out = new java.io.PrintWriter(System.getenv("RANKS"), StandardCharsets.UTF_8);
                 var passages = new java.io.PrintWriter(System.getenv().getOrDefault("PASSAGES", "/dev/null"), StandardCharsets.UTF_8)) {
                for (String f : files) {
                    for (Case c : evalCases(f)) {
                        var parsed = small.parse(c.question());
                        StringBuilder sb = new StringBuilder();
                        for (var r : small.rank(parsed, 12).stream().filter(r -> "LESSON".equals(r.kind())).limit(8).toList()) {
                            sb.append(String.format(Locale.ROOT, "\t%s:%.4f:%.3f", small.stored(r.doc()).get("lesson"), r.score(),
                                    small.coverage(parsed, r.doc())));
                        }
                        AssistantEngine.Extract e = AssistantEngine.answer(small, c.question(), threshold,
                                AssistantEngine.MIN_SENTENCE_COVERAGE, ownCourses(c.asker()));
                        if (System.getenv("PASSAGES") != null) {
                            var lessons = small.rank(parsed, 12).stream().filter(r -> "LESSON".equals(r.kind())).limit(6).toList();
                            for (int i = 0; i < lessons.size(); i++) {
                                int doc = lessons.get(i).doc();
                                String code = small.stored(doc).get("lesson");
                                boolean own = ownCourses(c.asker()).contains(small.stored(doc).get("course"));
                                for (var ps : small.scorePassages(parsed, doc, 1.0)) {
                                    passages.printf(Locale.ROOT, "%s\t%s\t%d\t%s\t%.5f\t%.4f\t%.5f\t%.4f\t%.4f\t%b\t%s\t%b\t%b\t%d%n", f, c.question(), i, code,
                                            lessons.get(i).score() / lessons.getFirst().score(), small.coverage(parsed, doc), ps.score(),
                                            ps.coverage(), ps.unitCoverage(), own, ps.passage().kind(),
                                            c.lessons().contains(code), carries(ps.passage().searchable(), c.keyFact()), ps.passage().order());
                                }
                            }
                        }
                        out.printf("%s\t%s\t%s\t%s\t%s\t%s%s%n", f, String.join("|", c.lessons()), c.asker(), c.question(),
                                e.answered() ? e.cited().getFirst().get("lesson") : "-",
                                e.answered() && carries(e.answer(), c.keyFact()), sb);
                    }
                }
            }
            return;
        }
        Baseline smallBase = new Baseline(shipped);
        answers("tuning set (eval.csv)", small, cases, threshold, true);
        List<Case> heldOut = evalCases("assistant/eval-heldout.csv");
        // while tuning, only the held-out figures are looked at, not its questions one by one
        answers("first held-out set (eval-heldout.csv, looked at while tuning the second round)", small, heldOut,
                threshold, System.getenv("SHOW_HELDOUT") != null);
        for (String[] h : HELD_OUT) {
            // a held-out set is run only to measure, never while tuning: HELDOUTn=1 on the final run
            if (System.getenv(h[0]) != null) {
                answers(h[2], small, evalCases(h[1]), threshold, System.getenv(h[3]) != null);
            }
        }
        scenarioChecks(small, threshold);
        if (System.getenv("ANSWERS_ONLY") != null) {
            return;
        }
        quality("shipped content", small, smallBase, answerable, unrelated, threshold, true);

        List<IndexDoc> all = new ArrayList<>(shipped);
        all.addAll(generate(shipped, analyzer, generated));
        long t0 = System.nanoTime();
        SearchIndex big = SearchIndex.build(analyzer, vocabulary, all);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        Baseline bigBase = new Baseline(all);
        System.out.printf(Locale.ROOT, "%nindex of %d entries (shipped + %d generated lessons) built in %.1f s%n",
                all.size(), generated, buildSeconds);
        quality("shipped + generated", big, bigBase, answerable, unrelated, threshold, false);

        List<String> questions = cases.stream().map(Case::question).toList();
        for (int i = 0; i < 300; i++) {
            String q = questions.get(i % questions.size());
            big.search(q, 10);
            AssistantEngine.answer(big, q, threshold);
            bigBase.search(q, 10);
        }
        Stats search = new Stats();
        Stats assistant = new Stats();
        Stats base = new Stats();
        for (int i = 0; i < iterations; i++) {
            String q = questions.get(i % questions.size());
            long a = System.nanoTime();
            big.search(q, 10);
            long b = System.nanoTime();
            AssistantEngine.answer(big, q, threshold);
            long c = System.nanoTime();
            bigBase.search(q, 10);
            long d = System.nanoTime();
            search.add(b - a);
            assistant.add(c - b);
            base.add(d - c);
        }
        System.out.printf(Locale.ROOT, "%nlatency over %d entries, %d calls each, one thread:%n", all.size(), iterations);
        System.out.printf(Locale.ROOT, "  search (10 hits, highlighted)  p50 %.2f ms  p95 %.2f ms  (target < 50)%n",
                search.pct(50), search.pct(95));
        System.out.printf(Locale.ROOT, "  assistant (extractive)         p50 %.2f ms  p95 %.2f ms  (target < 150)%n",
                assistant.pct(50), assistant.pct(95));
        System.out.printf(Locale.ROOT, "  baseline plain TermQuery       p50 %.2f ms  p95 %.2f ms  → search/baseline p95 ratio %.1f%n",
                base.pct(50), base.pct(95), search.pct(95) / base.pct(95));
        System.out.printf(Locale.ROOT, "  assistant/baseline p95 ratio %.1f%n", assistant.pct(95) / base.pct(95));
        generativeFallback(big, answerable, threshold);
        System.out.printf("load average at the end %s", Files.readString(Path.of("/proc/loadavg")));
    }

    /**
     * The generative mode's promise: with the model server slow or down, the learner still gets
     * the extractive answer within 1 s. A real HTTP server that never replies, with the shipped
     * time-out (800 ms); with no cool-down every question pays the full wait (the worst case),
     * with the shipped 30 s cool-down only the first one does.
     */
    static void generativeFallback(SearchIndex index, List<Case> answerable, double threshold) {
        List<String> questions = answerable.stream().map(Case::question).toList();
        int n = 30;
        System.out.printf(Locale.ROOT, "%ngenerative mode, %d answerable questions each, one thread:%n", n);
        try (var model = new vn.binhdan.support.FakeModelServer()) {
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            var noRest = new vn.binhdan.assistant.internal.generative.GenerativeWriter(model.url(), "m", "",
                    java.time.Duration.ofMillis(800), java.time.Duration.ZERO, 0.4, json, java.time.Clock.systemUTC());
            var shipped = new vn.binhdan.assistant.internal.generative.GenerativeWriter(model.url(), "m", "",
                    java.time.Duration.ofMillis(800), java.time.Duration.ofSeconds(30), 0.4, json,
                    java.time.Clock.systemUTC());
            Stats extractive = new Stats();
            Stats answering = new Stats();
            Stats hangingEvery = new Stats();
            Stats hangingRested = new Stats();
            int generated = 0;
            int answered = 0;
            model.behave(new vn.binhdan.support.FakeModelServer.Reply(
                    r -> vn.binhdan.support.FakeModelServer.firstLesson(r).split("(?<=[.!?])\\s+")[0]));
            for (int i = 0; i < n; i++) {
                String q = questions.get(i % questions.size());
                long a = System.nanoTime();
                AssistantEngine.Extract e = AssistantEngine.answer(index, q, threshold);
                long b = System.nanoTime();
                extractive.add(b - a);
                if (e.answered()) {
                    answered++;
                    if (noRest.write(q, List.of(), e.passages()).isPresent()) {
                        generated++;
                    }
                }
                answering.add(System.nanoTime() - a);
            }
            model.behave(new vn.binhdan.support.FakeModelServer.Hang());
            for (Stats s : List.of(hangingEvery, hangingRested)) {
                var writer = s == hangingEvery ? noRest : shipped;
                for (int i = 0; i < n; i++) {
                    String q = questions.get(i % questions.size());
                    long a = System.nanoTime();
                    AssistantEngine.Extract e = AssistantEngine.answer(index, q, threshold);
                    if (e.answered()) {
                        writer.write(q, List.of(), e.passages());
                    }
                    s.add(System.nanoTime() - a);
                }
            }
            System.out.printf(Locale.ROOT, "  extractive alone (baseline)            p50 %7.1f ms  p95 %7.1f ms%n",
                    extractive.pct(50), extractive.pct(95));
            System.out.printf(Locale.ROOT, "  model answering at once (%2d/%2d kept)   p50 %7.1f ms  p95 %7.1f ms  ratio %.1f%n",
                    generated, answered, answering.pct(50), answering.pct(95), answering.pct(95) / extractive.pct(95));
            System.out.printf(Locale.ROOT, "  model hanging, no cool-down            p50 %7.1f ms  p95 %7.1f ms  max %.1f ms (target < 1000)%n",
                    hangingEvery.pct(50), hangingEvery.pct(95), hangingEvery.pct(100));
            System.out.printf(Locale.ROOT, "  model hanging, shipped 30 s cool-down  p50 %7.1f ms  p95 %7.1f ms  max %.1f ms (target < 1000)%n",
                    hangingRested.pct(50), hangingRested.pct(95), hangingRested.pct(100));
        }
    }

    /**
     * What a learner would judge: the answer cites a right lesson, it carries the key fact the
     * question is about, and a question no lesson answers is refused rather than answered.
     */
    static void answers(String label, SearchIndex index, List<Case> cases, double threshold, boolean detail) {
        boolean dump = detail && System.getenv("DUMP") != null;
        int answerable = 0;
        int answered = 0;
        int right = 0;
        int fact = 0;
        int unrelated = 0;
        int refused = 0;
        for (Case c : cases) {
            AssistantEngine.Extract e = AssistantEngine.answer(index, c.question(), threshold,
                    AssistantEngine.MIN_SENTENCE_COVERAGE, ownCourses(c.asker()));
            if (System.getenv("LESSON_FEATURES") != null) {
                // every candidate lesson of every labelled question with what the lesson choice weighs, for fitting it offline
                var parsed = index.parse(c.question());
                var ranked = index.rank(parsed, 12).stream().filter(r -> "LESSON".equals(r.kind())).limit(6).toList();
                var byLesson = index.askedByLesson(c.question());
                var near = index.nearestAsked(c.question());
                double off = near.stream().filter(x -> x.doc() < 0).mapToDouble(x -> x.support()).findFirst().orElse(0);
                double in = near.stream().filter(x -> x.doc() >= 0).mapToDouble(x -> x.support()).findFirst().orElse(0);
                var cands = new java.util.LinkedHashSet<Integer>();
                ranked.forEach(r -> cands.add(r.doc()));
                byLesson.values().stream().sorted((a, b) -> Double.compare(b.similarity(), a.similarity())).limit(6)
                        .forEach(m -> cands.add(m.doc()));
                double top = ranked.isEmpty() ? 1 : ranked.getFirst().score();
                String cited = e.answered() ? e.cited().getFirst().get("lesson") : "";
                for (int d : cands) {
                    int rank = -1;
                    double rel = 0;
                    for (int k = 0; k < ranked.size(); k++) {
                        if (ranked.get(k).doc() == d) {
                            rank = k;
                            rel = ranked.get(k).score() / top;
                        }
                    }
                    var m = byLesson.get(d);
                    String lesson = index.stored(d).get("lesson");
                    System.out.printf(Locale.ROOT, "LF\t%s\t%s\t%s\t%b\t%.4f\t%d\t%.4f\t%.4f\t%.4f\t%b\t%b\t%.4f\t%.4f\t%d\t%b%n",
                            label.split(" ")[0], c.question(), c.lessons().isEmpty() ? "U" : "A", c.lessons().contains(lesson), rel, rank,
                            index.coverage(parsed, d), m == null ? 0 : m.similarity(), m == null ? 0 : m.support(),
                            lesson.equals(cited), e.answered(), off, in, parsed.concepts().size(),
                            ownCourses(c.asker()).contains(index.stored(d).get("course")));
                }
            }
            if (c.lessons().isEmpty()) {
                if (System.getenv("DIAG") != null) {
                    System.out.printf(Locale.ROOT, "DIAG\t%s\tU\t%b\tfalse\tfalse\t%.3f\t%.3f\t%.3f\t%s%n", label.split(" ")[0], e.answered(),
                            e.coverage(), e.passageCoverage(), e.unitCoverage(), c.question());
                }
                unrelated++;
                refused += e.answered() ? 0 : 1;
                if (e.answered() && detail) {
                    System.out.println("  answered though unrelated: " + c.question());
                }
                continue;
            }
            answerable++;
            if (System.getenv("DIAG") != null) {
                boolean r = e.answered() && e.cited().stream().anyMatch(d -> c.lessons().contains(d.get("lesson")));
                System.out.printf(Locale.ROOT, "DIAG\t%s\tA\t%b\t%b\t%b\t%.3f\t%.3f\t%.3f\t%s%n", label.split(" ")[0], e.answered(), r,
                        e.answered() && carries(e.answer(), c.keyFact()), e.coverage(), e.passageCoverage(), e.unitCoverage(), c.question());
            }
            boolean isRight = e.answered() && e.cited().stream().anyMatch(d -> c.lessons().contains(d.get("lesson")));
            boolean hasFact = e.answered() && carries(e.answer(), c.keyFact());
            answered += e.answered() ? 1 : 0;
            right += isRight ? 1 : 0;
            fact += hasFact ? 1 : 0;
            if (dump || (detail && (!isRight || !hasFact))) {
                System.out.printf("  %s%s %s [%s] → %s%n    %s%n", isRight ? "lesson ok" : "WRONG LESSON",
                        hasFact ? "" : ", NO KEY FACT", c.question(), c.keyFact(),
                        e.cited().stream().map(d -> d.get("lesson")).toList(),
                        e.answer() == null ? "(not answered)" : e.answer().replace("\n", "\n    "));
            }
        }
        System.out.printf(Locale.ROOT, "[%s] %d answerable: answered %d, cite a right lesson %d = %.3f, carry the key fact %d = %.3f; "
                        + "%d unrelated: refused honestly %d%n", label, answerable, answered, right, (double) right / answerable,
                fact, (double) fact / answerable, unrelated, refused);
    }

    /**
     * The questions the assistant's scenario tests ask, with what they expect (answered and citing
     * one lesson, or refused), so that a change of the answers is seen to break them before the
     * slower end-to-end tests run.
     */
    static void scenarioChecks(SearchIndex index, double threshold) {
        String[][] checks = {
                {"cach nhan biet tin nhan lua dao", "nhan-dien-lua-dao"},
                {"Làm sao nhận biết tin nhắn lừa đảo?", "nhan-dien-lua-dao", "Ngân hàng thật không gửi link"},
                {"cách kích hoạt tài khoản định danh điện tử mức 2", "vneid-dinh-danh-muc-2", "mã kích hoạt (OTP)"},
                {"quét mã QR trả tiền khi đi chợ", "thanh-toan-ma-qr", "tên người nhận"},
                {"muốn dùng sổ sức khỏe điện tử cần chuẩn bị gì", "so-suc-khoe-dien-tu", "mức độ 2"},
                {"gọi video qua Zalo cho người thân thế nào", "goi-video-zalo", "máy quay"},
                {"mua hàng qua mạng trả tiền thế nào cho an toàn", "mua-hang-truc-tuyen", "thanh toán khi nhận hàng"},
                {"giá vàng hôm nay bao nhiêu", "-"},
                {"cách đổi mật khẩu wifi nhà", "-"},
                {"đổi mật khẩu wifi", "-"},
                {"doi mat khau wifi nha minh", "-"},
                {"bón phân cho cây sầu riêng mùa khô", "-"},
                {"Tôi số căn cước, điện thoại, hỏi tỷ giá đô la mỹ hôm nay", "-"}};
        int ok = 0;
        for (String[] c : checks) {
            AssistantEngine.Extract e = AssistantEngine.answer(index, c[0], threshold);
            boolean pass = c[1].equals("-") ? !e.answered()
                    : e.answered() && e.cited().size() == 1 && e.cited().getFirst().get("lesson").equals(c[1])
                    && (c.length < 3 || e.answer().contains(c[2]));
            ok += pass ? 1 : 0;
            if (!pass) {
                System.out.printf("  scenario check fails: %s → %s %s%n", c[0], e.answered() ? e.cited().stream()
                        .map(d -> d.get("lesson")).toList() : "not answered", e.answer() == null ? "" : e.answer().replace("\n", " / "));
            }
        }
        System.out.printf(Locale.ROOT, "[scenario checks] %d/%d as the scenario tests expect%n", ok, checks.length);
    }

    /** Every part of the key fact, in one of its wordings, is in the answer (no diacritics, no case). */
    static boolean carries(String answer, String keyFact) {
        if (answer == null || keyFact == null) {
            return false;
        }
        String a = fold(answer);
        for (String part : keyFact.split("&")) {
            boolean any = false;
            for (String alt : part.split("/")) {
                any |= a.contains(fold(alt.strip()));
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    static String fold(String s) {
        String n = java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'), java.text.Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "").replaceAll("\\s+", " ");
    }

    static void quality(String label, SearchIndex index, Baseline baseline, List<Case> answerable, List<Case> unrelated,
                        double threshold, boolean sweep) {
        double recall = 0;
        double mrr = 0;
        double baseRecall = 0;
        double baseMrr = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : answerable) {
            List<String> ranked = index.search(c.question(), 10).stream().map(AssistantBench::lessonOf).toList();
            int rank = firstRight(ranked, c.lessons());
            recall += rank > 0 && rank <= 3 ? 1 : 0;
            mrr += rank > 0 ? 1.0 / rank : 0;
            if (rank == 0 || rank > 3) {
                misses.add(c.question() + " → " + ranked.stream().limit(3).toList());
            }
            int baseRank = firstRight(baseline.search(c.question(), 10), c.lessons());
            baseRecall += baseRank > 0 && baseRank <= 3 ? 1 : 0;
            baseMrr += baseRank > 0 ? 1.0 / baseRank : 0;
        }
        int n = answerable.size();
        System.out.printf(Locale.ROOT, "%n[%s] search: recall@3 %.3f, MRR %.3f   | baseline TermQuery: recall@3 %.3f, MRR %.3f%n",
                label, recall / n, mrr / n, baseRecall / n, baseMrr / n);
        if (sweep) {
            misses.forEach(m -> System.out.println("  miss@3: " + m));
        }
        double[] thresholds = sweep ? new double[] {0.4, 0.5, 0.6, 0.7} : new double[] {threshold};
        double[] sentenceThresholds = sweep ? new double[] {0.3, 0.4, 0.5, 0.6} : new double[] {AssistantEngine.MIN_SENTENCE_COVERAGE};
        for (double t : thresholds) {
          for (double st : sentenceThresholds) {
            int answered = 0;
            int right = 0;
            for (Case c : answerable) {
                AssistantEngine.Extract e = AssistantEngine.answer(index, c.question(), t, st);
                if (e.answered()) {
                    answered++;
                    if (e.cited().stream().anyMatch(d -> c.lessons().contains(d.get("lesson")))) {
                        right++;
                    }
                }
            }
            int refused = 0;
            List<String> wronglyAnswered = new ArrayList<>();
            for (Case c : unrelated) {
                AssistantEngine.Extract e = AssistantEngine.answer(index, c.question(), t, st);
                if (!e.answered()) {
                    refused++;
                } else {
                    wronglyAnswered.add(c.question() + String.format(Locale.ROOT, " (coverage %.2f)", e.coverage()));
                }
            }
            System.out.printf(Locale.ROOT,
                    "[%s] assistant at coverage ≥ %.2f, one sentence ≥ %.2f: answers citing a right lesson %d/%d = %.3f (answered %d); unrelated refused %d/%d%n",
                    label, t, st, right, n, (double) right / n, answered, refused, unrelated.size());
            if (t == threshold && st == AssistantEngine.MIN_SENTENCE_COVERAGE) {
                wronglyAnswered.forEach(q -> System.out.println("  answered though unrelated: " + q));
            }
          }
        }
    }

    private static String lessonOf(SearchHit h) {
        return h.lessonCode() == null ? "(" + h.kind().toLowerCase(Locale.ROOT) + " " + h.courseCode() + ")" : h.lessonCode();
    }

    private static int firstRight(List<String> ranked, Set<String> right) {
        for (int i = 0; i < ranked.size(); i++) {
            if (right.contains(ranked.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    static List<Case> evalCases() throws IOException {
        return evalCases("assistant/eval.csv");
    }

    static List<Case> evalCases(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        String csv = new String(new PathMatchingResourcePatternResolver().getResource("classpath:" + resource)
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        String asker = null;
        for (String line : csv.split("\n")) {
            if (line.startsWith("#asker ")) {
                asker = line.substring("#asker ".length()).strip();
                continue;
            }
            if (line.isBlank() || line.startsWith("#") || line.startsWith("lessons,")) {
                continue;
            }
            int comma = line.indexOf(',');
            int second = line.indexOf(',', comma + 1);
            String lessons = line.substring(0, comma).strip();
            String fact = line.substring(comma + 1, second).strip();
            Set<String> set = lessons.equals("-") ? Set.of() : Set.of(lessons.split("\\|"));
            out.add(new Case(set, fact.isEmpty() || fact.equals("-") ? null : fact, line.substring(second + 1).strip(), asker));
        }
        return out;
    }

    /** The shipped courses as the platform indexes them, read straight from their packages. */
    static List<IndexDoc> shippedDocs() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        JsonMapper json = JsonMapper.builder().build();
        List<IndexDoc> docs = new ArrayList<>();
        for (Resource manifest : resolver.getResources("classpath*:content/courses/*/manifest.json")) {
            JsonNode m = json.readTree(manifest.getContentAsByteArray());
            String code = m.path("code").asString();
            for (JsonNode g : m.path("targetGroups")) {
                COURSES_FOR.computeIfAbsent(g.asString(), k -> new HashSet<>()).add(code);
            }
            String courseTitle = m.path("title").path("vi").asString();
            String url = "/learn/" + code;
            docs.add(new IndexDoc("COURSE", code, null, courseTitle, "", m.path("summary").path("vi").asString(), url));
            for (JsonNode module : m.path("modules")) {
                String moduleTitle = module.path("title").path("vi").asString();
                List<String> titles = new ArrayList<>();
                for (JsonNode l : module.path("lessons")) {
                    titles.add(l.path("title").path("vi").asString());
                    String body = new String(manifest.createRelative(l.path("body").asString()).getContentAsByteArray(),
                            StandardCharsets.UTF_8);
                    String asked = l.has("asked") ? new String(manifest.createRelative(l.path("asked").asString())
                            .getContentAsByteArray(), StandardCharsets.UTF_8) : null;
                    docs.add(new IndexDoc("LESSON", code, l.path("code").asString(), l.path("title").path("vi").asString(),
                            courseTitle + " · " + moduleTitle, IndexContent.text(body), url + "/" + l.path("code").asString(),
                            IndexContent.outline(body), asked));
                }
                docs.add(new IndexDoc("MODULE", code, null, moduleTitle, courseTitle, String.join("\n", titles), url));
            }
        }
        return docs;
    }

    /**
     * Lessons of random sentences whose syllables follow the shipped lessons' own frequencies:
     * every common word of a question has long posting lists, as in a real large catalogue.
     */
    static List<IndexDoc> generate(List<IndexDoc> shipped, Analyzer analyzer, int count) {
        List<String> pool = new ArrayList<>();
        for (IndexDoc d : shipped) {
            for (String w : d.text().split("\\s+")) {
                String t = w.replaceAll("[^\\p{L}\\p{N}]", "");
                if (!t.isEmpty()) {
                    pool.add(t.toLowerCase(Locale.ROOT));
                }
            }
        }
        Random random = new Random(42);
        List<IndexDoc> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int blocks = 8 + random.nextInt(8);
            for (int b = 0; b < blocks; b++) {
                int sentences = 2 + random.nextInt(3);
                for (int s = 0; s < sentences; s++) {
                    int words = 10 + random.nextInt(12);
                    for (int w = 0; w < words; w++) {
                        String word = pool.get(random.nextInt(pool.size()));
                        text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                                .append(w == words - 1 ? ". " : " ");
                    }
                }
                text.append('\n');
            }
            StringBuilder title = new StringBuilder("Bài");
            for (int w = 0; w < 4 + random.nextInt(4); w++) {
                title.append(' ').append(pool.get(random.nextInt(pool.size())));
            }
            out.add(new IndexDoc("LESSON", "GEN-" + (i / 20), "gen-" + i, title.toString(), "Khóa sinh tự động",
                    text.toString(), "/learn/GEN-" + (i / 20) + "/gen-" + i));
        }
        return out;
    }

    /** The baseline: what Lucene does with no Vietnamese analysis at all. */
    static final class Baseline {
        private final IndexSearcher searcher;
        private final List<String> lessons = new ArrayList<>();

        Baseline(List<IndexDoc> docs) throws IOException {
            Analyzer plain = new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer t = new WhitespaceTokenizer();
                    TokenStream s = new LowerCaseFilter(t);
                    return new TokenStreamComponents(t, s);
                }
            };
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(plain))) {
                for (IndexDoc d : docs) {
                    Document doc = new Document();
                    doc.add(new TextField("text", d.title() + "\n" + d.text(), Field.Store.NO));
                    doc.add(new StoredField("n", lessons.size()));
                    lessons.add(d.lessonCode() == null ? "(" + d.kind() + ")" : d.lessonCode());
                    w.addDocument(doc);
                }
                w.forceMerge(1);
            }
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        }

        List<String> search(String q, int n) {
            try {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                Set<String> seen = new HashSet<>();
                for (String t : q.toLowerCase(Locale.ROOT).split("[\\s?.,!]+")) {
                    if (!t.isEmpty() && seen.add(t) && seen.size() <= 40) {
                        b.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
                    }
                }
                List<String> out = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(b.build(), n).scoreDocs) {
                    out.add(lessons.get(sd.doc));
                }
                return out;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
