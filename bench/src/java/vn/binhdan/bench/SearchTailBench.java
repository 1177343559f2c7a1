package vn.binhdan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import vn.binhdan.assistant.internal.search.IndexAnalysis;
import vn.binhdan.assistant.internal.search.IndexDoc;
import vn.binhdan.assistant.internal.search.SearchIndex;
import vn.binhdan.assistant.internal.search.Vocabulary;

/**
 * The search tail of the busy hour (issue 21) without nginx, PostgreSQL or HTTP: the queries
 * bench/wrk/mixed.lua sends, against the search index of the shipped lessons, as SearchService
 * asks it (limit 10), each query's p50 / p99 / max beside a baseline of the same run, the
 * one-word "vneid". The phases (reading the question, ranking, snippets) are timed apart so a
 * slow query says where its time goes.
 *
 * <p>Arguments: rounds (default 2,000: each round asks every query once, in turn), threads
 * (default 1; 4 is what the wrk step sends at one instance).
 */
public final class SearchTailBench {

    /** What the busy hour asks, as mixed.lua sends it (no diacritics), and the same with them. */
    static final List<String> QUERIES = List.of("vneid", "cach nhan biet tin nhan lua dao", "mat khau manh",
            "thanh toan khong dung tien mat", "dich vu cong truc tuyen", "bao ve thong tin ca nhan",
            "cách nhận biết tin nhắn lừa đảo");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("dump")) {
            dump(Path.of(args[1]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        System.out.printf("load average at the start %s", Files.readString(Path.of("/proc/loadavg")));
        System.out.printf(Locale.ROOT, "cores %d, JDK %s, %d rounds, %d thread(s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rounds, threads);
        List<IndexDoc> docs = AssistantBench.shippedDocs();
        Analyzer analyzer = IndexAnalysis.analyzer();
        SearchIndex index = SearchIndex.build(analyzer, Vocabulary.load(analyzer), docs);
        System.out.printf(Locale.ROOT, "index: %d entries%n", index.size());

        run(index, Math.max(200, rounds / 5), threads, false);
        long start = System.nanoTime();
        Map<String, Stats[]> stats = run(index, rounds, threads, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        double base = stats.get("vneid")[3].pct(50);
        System.out.printf(Locale.ROOT, "%-34s %5s %7s %7s %7s %8s %8s | %7s %7s %7s (p50, ms) | %8s%n", "query", "hits", "p50",
                "p99", "max", "p50/base", "p99/base", "parse", "rank", "snippet", "KB/search");
        for (String q : QUERIES) {
            Stats[] s = stats.get(q);
            System.out.printf(Locale.ROOT, "%-34s %5d %7.2f %7.2f %7.2f %8.1f %8.1f | %7.3f %7.3f %7.3f            | %8.0f%n", q,
                    index.search(q, 10).size(), s[3].pct(50), s[3].pct(99), s[3].max(), s[3].pct(50) / base,
                    s[3].pct(99) / base, s[0].pct(50), s[1].pct(50), s[2].pct(50), s[4].mean() * 1e6 / 1024);
        }
        Stats all = new Stats();
        stats.values().forEach(s -> all.addAll(s[3]));
        System.out.printf(Locale.ROOT, "all queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms; p99/p50 %.1f; %.0f searches/s%n",
                all.pct(50), all.pct(99), all.max(), all.pct(99) / all.pct(50), all.count() / seconds);
    }

    /**
     * Every search and assistant answer of the evaluation sets and the busy hour, written out whole
     * (ranks, scores, snippets, answers), so that a change meant only for speed can be diffed
     * against the output before it: nothing a learner reads may move.
     */
    static void dump(Path out) throws Exception {
        Analyzer analyzer = IndexAnalysis.analyzer();
        SearchIndex index = SearchIndex.build(analyzer, Vocabulary.load(analyzer), AssistantBench.shippedDocs());
        List<String> questions = new ArrayList<>(QUERIES);
        for (String set : List.of("assistant/eval.csv", "assistant/eval-heldout.csv", "assistant/eval-heldout-2.csv")) {
            AssistantBench.evalCases(set).forEach(c -> questions.add(c.question()));
        }
        StringBuilder s = new StringBuilder();
        for (String q : questions) {
            s.append("Q ").append(q).append('\n');
            for (var h : index.search(q, 10)) {
                s.append("  ").append(h).append('\n');
            }
            var e = vn.binhdan.assistant.internal.search.AssistantEngine.answer(index, q, 0.6);
            s.append("  A ").append(e.answered()).append(' ').append(e.coverage()).append(' ').append(e.cited())
                    .append('\n').append(e.answer()).append('\n').append(e.passages()).append('\n');
        }
        Files.writeString(out, s.toString());
        System.out.printf(Locale.ROOT, "%d questions written to %s%n", questions.size(), out);
    }

    /** Per query: parse, rank, snippets, whole search (ns samples). */
    static Map<String, Stats[]> run(SearchIndex index, int rounds, int threads, boolean keep) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Map<String, Stats[]>>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            parts.add(pool.submit(() -> {
                Map<String, Stats[]> out = new LinkedHashMap<>();
                for (String q : QUERIES) {
                    out.put(q, new Stats[] {new Stats(), new Stats(), new Stats(), new Stats(), new Stats()});
                }
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < QUERIES.size(); i++) {
                        String q = QUERIES.get((i + offset) % QUERIES.size());
                        long a0 = THREADS.getCurrentThreadAllocatedBytes();
                        long t0 = System.nanoTime();
                        SearchIndex.Parsed parsed = index.parse(q);
                        long t1 = System.nanoTime();
                        List<SearchIndex.Ranked> ranked = index.rank(parsed, 10);
                        long t2 = System.nanoTime();
                        int n = index.hits(parsed, ranked).size();
                        long t3 = System.nanoTime();
                        if (n < 0) {
                            throw new IllegalStateException();
                        }
                        Stats[] s = out.get(q);
                        s[0].add(t1 - t0);
                        s[1].add(t2 - t1);
                        s[2].add(t3 - t2);
                        s[3].add(t3 - t0);
                        // bytes, kept as if nanoseconds: mean() / 1e6 reads back in megabytes
                        s[4].add(THREADS.getCurrentThreadAllocatedBytes() - a0);
                    }
                }
                return out;
            }));
        }
        Map<String, Stats[]> merged = new LinkedHashMap<>();
        for (String q : QUERIES) {
            merged.put(q, new Stats[] {new Stats(), new Stats(), new Stats(), new Stats(), new Stats()});
        }
        for (Future<Map<String, Stats[]>> f : parts) {
            for (Map.Entry<String, Stats[]> e : f.get().entrySet()) {
                for (int k = 0; k < 5; k++) {
                    merged.get(e.getKey())[k].addAll(e.getValue()[k]);
                }
            }
        }
        pool.shutdown();
        return merged;
    }
}
