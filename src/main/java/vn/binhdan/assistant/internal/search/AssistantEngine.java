package vn.binhdan.assistant.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.binhdan.assistant.SearchHit;

/**
 * The extractive assistant: no model, only the lessons' own sentences. It answers when the best
 * lesson covers enough of the question; otherwise it says so and offers the nearest lessons.
 * Nothing it says is written by it except the fixed framing in the page.
 */
public final class AssistantEngine {

    /** Sentences joined into one answer: enough to be useful on a phone, short enough to read aloud. */
    static final int MAX_SENTENCES = 4;
    /** A passage of the second or third lesson must be this much better than the first lesson's best to be chosen. */
    static final double[] PASSAGE_RANK_FACTOR = factors(System.getProperty("binhdan.assistant.passage-rank", "1,0.8,0.65"));

    private static double[] factors(String s) {
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].strip());
        }
        return out;
    }

    private AssistantEngine() {
    }

    /**
     * {@code cited}: the stored fields of each cited lesson, in the order the answer uses them;
     * {@code passages}: those lessons' texts, the only context a generative model is given.
     */
    public record Extract(boolean answered, String answer, List<Map<String, String>> cited, List<String> passages,
                          List<SearchHit> closest, double coverage, double passageCoverage, double unitCoverage) {
        Extract(boolean answered, String answer, List<Map<String, String>> cited, List<String> passages,
                List<SearchHit> closest, double coverage) {
            this(answered, answer, cited, passages, closest, coverage, 0, 0);
        }
    }

    /**
     * The share of the question one sentence must cover. Folded syllables collide ("nấu phở bò"
     * finds "nâu", "phố" and "bộ" somewhere in any long lesson): an unrelated question scatters
     * over a lesson, a real answer gathers in one sentence.
     */
    public static final double MIN_SENTENCE_COVERAGE = Double.parseDouble(
            System.getProperty("binhdan.assistant.min-sentence-coverage", "0.5"));

    static final double SHORT_QUESTION_COVERAGE = Double.parseDouble(
            System.getProperty("binhdan.assistant.short-question-coverage", "0.7"));

    public static Extract answer(SearchIndex index, String question, double minCoverage) {
        return answer(index, question, minCoverage, MIN_SENTENCE_COVERAGE);
    }

    public static Extract answer(SearchIndex index, String question, double minCoverage, double minSentenceCoverage) {
        return answer(index, question, minCoverage, minSentenceCoverage, Set.of());
    }

    /**
     * @param ownCourses codes of the courses made for the asker's own target group: where a lesson of
     *                   them and one of another course both answer, the asker's wins unless the other is
     *                   clearly better ("mất token ký số" asked by a civil servant is about the office's
     *                   token, asked by a citizen about her own remote signature)
     */
    public static Extract answer(SearchIndex index, String question, double minCoverage, double minSentenceCoverage,
                                 Set<String> ownCourses) {
        SearchIndex.Parsed parsed = index.parse(question);
        // the search is the costliest step: once, for the lessons' words and for the candidates below
        List<SearchIndex.Ranked> lessons = index.rank(parsed, 12).stream()
                .filter(r -> "LESSON".equals(r.kind())).limit(CANDIDATES).toList();
        Reading reading = new Reading(index, parsed);
        Extract words = extract(index, reading, lessons, minCoverage, minSentenceCoverage, ownCourses);
        if (!ASKED || index.asked().size() == 0) {
            return words;
        }
        AskedQuestions.Nearness nearness = index.asked().read(question);
        List<AskedQuestions.Match> near = nearness.nearest();
        AskedQuestions.Match inTopic = near.stream().filter(m -> m.doc() >= 0).findFirst().orElse(null);
        AskedQuestions.Match off = near.stream().filter(m -> m.doc() < 0).findFirst().orElse(null);
        Map<Integer, AskedQuestions.Match> byLesson = nearness.byLesson();
        if (words.answered() && !index.asked().asks(citedDoc(index, lessons, words))
                && (inTopic == null || inTopic.similarity() < ASKED_OVER_WORDS)) {
            // a lesson without asked questions (a province's own) is judged by its words, unless asked questions come close
            return words;
        }
        double inTopicBest = near.stream().filter(m -> m.doc() >= 0).mapToDouble(AskedQuestions.Match::similarity).max().orElse(0);
        if (off != null && ((off.similarity() >= OFF_NEAR && off.similarity() > inTopicBest)
                || (off.support() >= OFF_TOPIC && (inTopic == null || off.support() > OFF_MARGIN * inTopic.support())))) {
            // asked like the weather, a recipe or a price, not like anything a lesson answers
            return new Extract(false, null, List.of(), List.of(), words.answered() ? List.of() : words.closest(),
                    words.coverage());
        }
        // the lesson: how near its asked questions come (the mean of its three nearest, so that one lucky wording
        // weighs less than a lesson asked about in several ways, and its nearest), where the search ranks it,
        // how much of the question its words cover, and whether it is made for the asker; the weights were
        // fitted leaving one held-out set out at a time (bench/README.md)
        List<Integer> candidates = new ArrayList<>();
        lessons.forEach(r -> candidates.add(r.doc()));
        byLesson.values().stream().sorted((a, b) -> Double.compare(b.similarity(), a.similarity())).limit(CANDIDATES)
                .filter(m -> !candidates.contains(m.doc())).forEach(m -> candidates.add(m.doc()));
        int chosen = -1;
        double chosenScore = 0;
        double top = lessons.isEmpty() ? 1 : lessons.getFirst().score();
        for (int doc : candidates) {
            AskedQuestions.Match m = byLesson.get(doc);
            double search = lessons.stream().filter(r -> r.doc() == doc).mapToDouble(r -> r.score() / top).findFirst().orElse(0);
            double score = (m == null ? 0 : m.support() + LESSON_NEAREST * m.similarity())
                    + LESSON_SEARCH * search + LESSON_COVERAGE * reading.coverage(doc)
                    + LESSON_TYPICAL * Math.min(TYPICAL_CAP, nearness.typicalOf(doc))
                    + (ownCourses.contains(index.stored(doc).get("course")) ? OWN_COURSE : 0);
            if (chosen < 0 || score > chosenScore) {
                chosen = doc;
                chosenScore = score;
            }
        }
        // where the lessons' words found no answer, a lesson's asked questions must come near on their own
        if (chosen < 0 || !byLesson.containsKey(chosen)
                || byLesson.get(chosen).similarity() < (words.answered() ? 0 : ASKED_RESCUE)) {
            return words;
        }
        Extract e = fromLesson(index, reading, nearness, chosen);
        return e == null ? words : e;
    }

    /** Asked questions are read (false: the lessons' words alone, as before they shipped). */
    static final boolean ASKED = Boolean.parseBoolean(System.getProperty("binhdan.assistant.asked", "true"));
    /**
     * A refusal: the off-topic questions among the nearest few add up to this and to more than
     * {@link #OFF_MARGIN} times the best part's, or the nearest of them comes within {@link #OFF_NEAR}
     * and nearer than any asked question.
     */
    static final double OFF_TOPIC = Double.parseDouble(System.getProperty("binhdan.assistant.off-topic", "0.3"));
    static final double OFF_MARGIN = Double.parseDouble(System.getProperty("binhdan.assistant.off-margin", "1"));
    static final double OFF_NEAR = Double.parseDouble(System.getProperty("binhdan.assistant.off-near", "0.5"));
    /** How near an asked question must come to overrule an answer from a lesson without asked questions. */
    static final double ASKED_OVER_WORDS = Double.parseDouble(System.getProperty("binhdan.assistant.asked-over-words", "0.5"));
    /** How much the share of the question a lesson's words cover weighs beside its asked questions' nearness. */
    static final double LESSON_COVERAGE = Double.parseDouble(System.getProperty("binhdan.assistant.lesson-coverage", "0.1"));
    /** How much the lesson's nearest asked question weighs beside the mean of its three nearest. */
    static final double LESSON_NEAREST = Double.parseDouble(System.getProperty("binhdan.assistant.lesson-nearest", "0.5"));
    /** How much how typical the question's words are of the lesson's asked questions weighs. */
    static final double LESSON_TYPICAL = Double.parseDouble(System.getProperty("binhdan.assistant.lesson-typical", "0.1"));
    /** Beyond this a lesson's words stand out no further: the asker's own course still counts. */
    static final double TYPICAL_CAP = Double.parseDouble(System.getProperty("binhdan.assistant.typical-cap", "2"));
    /** How much the lesson's search score (the best lesson's 1) weighs. */
    static final double LESSON_SEARCH = Double.parseDouble(System.getProperty("binhdan.assistant.lesson-search", "0.25"));
    /** How much a lesson of the asker's own course weighs more. */
    static final double OWN_COURSE = Double.parseDouble(System.getProperty("binhdan.assistant.own-course", "0.6"));
    /** How near a part's asked question must come for that part to be the answer rather than the best by words (0: any). */
    static final double PART_MIN = Double.parseDouble(System.getProperty("binhdan.assistant.part-min", "0"));
    /** How near the chosen lesson's nearest asked question must come when the lessons' words found no answer. */
    static final double ASKED_RESCUE = Double.parseDouble(System.getProperty("binhdan.assistant.asked-rescue", "0.15"));
    /** How near (share of the chosen part's) another part's asked questions must come to be added whole (1+: never). */
    static final double SECOND_ASKED = Double.parseDouble(System.getProperty("binhdan.assistant.second-asked", "0.8"));
    /** How much the part's own words (its score among the lesson's parts, the best one 1) weigh beside its asked questions. */
    static final double PART_WORDS = Double.parseDouble(System.getProperty("binhdan.assistant.part-words", "0.1"));

    private static int citedDoc(SearchIndex index, List<SearchIndex.Ranked> lessons, Extract words) {
        String lesson = words.cited().getFirst().get("lesson");
        for (SearchIndex.Ranked r : lessons) {
            if (lesson.equals(index.stored(r.doc()).get("lesson"))) {
                return r.doc();
            }
        }
        return -1;
    }

    /**
     * The answer from one lesson: the part whose asked questions come nearest, when one comes near
     * enough; otherwise the part its words answer best.
     */
    private static Extract fromLesson(SearchIndex index, Reading reading, AskedQuestions.Nearness nearness, int doc) {
        SearchIndex.Parsed parsed = reading.parsed();
        List<SearchIndex.PassageScore> scored = reading.passages(doc);
        if (scored.isEmpty()) {
            return null;
        }
        Map<String, Double> parts = nearness.byPart(doc);
        double wordsBest = 0;
        for (SearchIndex.PassageScore ps : scored) {
            wordsBest = Math.max(wordsBest, ps.score() * ps.coverage());
        }
        SearchIndex.PassageScore chosen = null;
        double chosenSim = PART_MIN;
        double[] sims = new double[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            SearchIndex.PassageScore ps = scored.get(i);
            Double asked = parts.get(partKey(ps.passage()));
            sims[i] = asked == null ? -1
                    : asked + (wordsBest > 0 ? PART_WORDS * ps.score() * ps.coverage() / wordsBest : 0);
            // a section with subsections is two parts, its own opening text and the whole: the part asked about is the first
            if (asked != null && (sims[i] > chosenSim || (sims[i] == chosenSim && chosen != null
                    && ps.passage().blocks().size() < chosen.passage().blocks().size()))) {
                chosen = ps;
                chosenSim = sims[i];
            }
        }
        if (chosen == null) {
            for (SearchIndex.PassageScore ps : scored) {
                if (chosen == null || ps.score() * ps.coverage() > chosen.score() * chosen.coverage()) {
                    chosen = ps;
                }
            }
            Extract e = compose(index, parsed, chosen, scored, reading.coverage(doc));
            return e.answered() ? e : null;
        }
        // a question asked of two parts nearly alike ("what do I need to use the health book": what the book is,
        // and what to prepare) is answered from both, the nearer first
        Passages.Passage also = null;
        double alsoSim = SECOND_ASKED * chosenSim;
        for (int i = 0; i < scored.size(); i++) {
            Passages.Passage p = scored.get(i).passage();
            Passages.Passage c = chosen.passage();
            if (sims[i] >= alsoSim && p != c && p.blocks().stream().noneMatch(b -> c.blocks().contains(b))) {
                also = p;
                alsoSim = sims[i];
            }
        }
        Extract e = compose(index, parsed, chosen, scored, reading.coverage(doc), also);
        return e.answered() ? e : null;
    }

    /** The name asked questions give a passage: its heading, the opening's own name, null for joined sections. */
    private static String partKey(Passages.Passage p) {
        return p.kind() == Passages.Kind.OPENING ? AskedQuestions.OPENING
                : p.kind() == Passages.Kind.SECTION && p.sections() <= 1 ? p.heading() : null;
    }

    /**
     * One question's coverage and scored passages per lesson, each computed once: the lessons' words
     * and the asked questions weigh the same candidate lessons.
     */
    private record Reading(SearchIndex index, SearchIndex.Parsed parsed, Map<Integer, Double> coverages,
                           Map<Integer, List<SearchIndex.PassageScore>> scored) {

        Reading(SearchIndex index, SearchIndex.Parsed parsed) {
            this(index, parsed, new java.util.HashMap<>(), new java.util.HashMap<>());
        }

        double coverage(int doc) {
            return coverages.computeIfAbsent(doc, d -> index.coverage(parsed, d));
        }

        List<SearchIndex.PassageScore> passages(int doc) {
            return scored.computeIfAbsent(doc, d -> index.scorePassages(parsed, d, 1.0));
        }
    }

    private static Extract extract(SearchIndex index, Reading reading, List<SearchIndex.Ranked> lessons,
                                   double minCoverage,
                                   double minSentenceCoverage, Set<String> ownCourses) {
        SearchIndex.Parsed parsed = reading.parsed();
        if (lessons.isEmpty()) {
            return new Extract(false, null, List.of(), List.of(), List.of(), 0);
        }
        List<SearchIndex.Ranked> closest = lessons.size() > 3 ? lessons.subList(0, 3) : lessons;
        double coverage = reading.coverage(lessons.getFirst().doc());
        // the search's best lesson does not speak of the question: another lesson answers only with a passage
        // that speaks of every idea of it ("đổi mật khẩu wifi" is not answered by what a lesson says of Wi-Fi)
        double passageNeeded = coverage < minCoverage ? FALLBACK_COVERAGE : PASSAGE_COVERAGE;
        // with two ideas or fewer, half the question is one word: "lúa nước" must not be answered by "nước"
        double needed = parsed.concepts().size() <= 2 ? Math.max(minSentenceCoverage, SHORT_QUESTION_COVERAGE)
                : minSentenceCoverage;
        // the lesson and its passage are chosen together: how well the passage answers, weighed by how
        // far the lesson stands behind the best one in the search
        double top = lessons.getFirst().score();
        SearchIndex.PassageScore best = null;
        SearchIndex.PassageScore anyBest = null;
        double bestChoice = 0;
        double anyChoice = 0;
        double bestSentence = 0;
        List<SearchIndex.PassageScore> all = new ArrayList<>();
        for (int i = 0; i < lessons.size(); i++) {
            int doc = lessons.get(i).doc();
            double lessonCoverage = reading.coverage(doc);
            // a question told as a story has more words no lesson says than words it does: a lesson that
            // speaks of its subject in the platform's own terms (a phrase of the synonym lists) may answer it
            // — one of the search's first lessons: further down, a term and a stray syllable are all they share
            boolean story = i < STORY_RANK && parsed.concepts().size() >= STORY_IDEAS && index.holdsATerm(parsed, doc);
            // a lesson that covers little of the question would only add noise
            if (lessonCoverage < (story ? Math.min(minCoverage, STORY_COVERAGE) : minCoverage)) {
                continue;
            }
            double unitNeeded = story ? Math.min(needed, STORY_SENTENCE) : needed;
            double passageFloor = story ? PASSAGE_COVERAGE : passageNeeded;
            if (GATE_ON_SENTENCES) {
                for (SearchIndex.Sentence s : index.sentences(parsed, doc, 1.0)) {
                    bestSentence = Math.max(bestSentence, s.coverage());
                }
            }
            double factor = SEARCH_POWER < 0 ? PASSAGE_RANK_FACTOR[Math.min(i, PASSAGE_RANK_FACTOR.length - 1)]
                    : Math.pow(Math.max(0, lessons.get(i).score()) / top, SEARCH_POWER);
            if (!ownCourses.isEmpty() && ownCourses.contains(index.stored(doc).get("course"))) {
                factor *= OWN_COURSE_BOOST;
            }
            for (SearchIndex.PassageScore ps : reading.passages(doc)) {
                all.add(ps);
                double choice = ps.score() * factor * Math.pow(ps.coverage(), COVERAGE_POWER);
                if (anyBest == null || choice > anyChoice) {
                    anyBest = ps;
                    anyChoice = choice;
                }
                // a passage none of whose sentences gathers the question does not answer it, however its words are spread
                if (!GATE_ON_SENTENCES && (ps.unitCoverage() < unitNeeded || ps.coverage() < passageFloor)) {
                    continue;
                }
                if (best == null || choice > bestChoice) {
                    best = ps;
                    bestChoice = choice;
                }
            }
        }
        if (best == null || best.score() <= 0 || (GATE_ON_SENTENCES && bestSentence < needed)) {
            return new Extract(false, null, List.of(), List.of(), index.hits(parsed, closest), coverage,
                    anyBest == null ? 0 : anyBest.coverage(), anyBest == null ? 0 : anyBest.unitCoverage());
        }
        Extract e = compose(index, parsed, best, all, coverage);
        return e.answered() ? e : new Extract(false, null, List.of(), List.of(), index.hits(parsed, closest), coverage);
    }

    /** The answer from the chosen passage: the passage itself, the lesson's next best part, the lead sentence. */
    private static Extract compose(SearchIndex index, SearchIndex.Parsed parsed, SearchIndex.PassageScore best,
                                   List<SearchIndex.PassageScore> all, double coverage) {
        return compose(index, parsed, best, all, coverage, null);
    }

    /** {@code asked}: another part learners ask the same question of, added whole instead of the next best by words. */
    private static Extract compose(SearchIndex index, SearchIndex.Parsed parsed, SearchIndex.PassageScore best,
                                   List<SearchIndex.PassageScore> all, double coverage, Passages.Passage asked) {
        if (best.passage().hasSteps() && best.passage().sections() == 1) {
            // steps whose earlier phase the question also names ("activate" a "level 2" account: first register
            // at the commune police) are answered with both phases, in order
            Passages.Passage chosen = best.passage();
            for (SearchIndex.PassageScore ps : all) {
                Passages.Passage p = ps.passage();
                if (p.sections() == 2 && ps.score() > 0 && p.doc() == chosen.doc()
                        && p.blocks().stream().anyMatch(b -> b.kind().equals("sub") && b.text().equals(chosen.heading()))) {
                    best = ps;
                    break;
                }
            }
        }
        String answer = render(index, parsed, best.passage());
        if (asked != null && !answer.isBlank()) {
            String more = alsoAsked(index, parsed, asked, answer);
            if (more != null) {
                // two parts side by side say whose advice each is ("when you sell" and "why check the payee")
                String first = best.passage().heading() == null ? null : headingLine(best.passage().heading());
                answer = (first == null ? "" : first + "\n") + answer + "\n" + more;
            }
        } else if (SECOND_PART > 0 && !answer.isBlank()) {
            String more = secondPart(index, parsed, best, all, answer);
            if (more != null) {
                answer = answer + "\n" + more;
            }
        }
        if (LEAD && !answer.isBlank()) {
            int chosenDoc = best.passage().doc();
            // the lesson's passages were cut once already, for scoring them
            List<Passages.Passage> ofLesson = all.stream().map(SearchIndex.PassageScore::passage)
                    .filter(p -> p.doc() == chosenDoc).toList();
            String lead = lead(index, parsed, best.passage(), ofLesson, answer);
            if (lead != null) {
                answer = lead + "\n" + answer;
            }
        }
        if (answer.isBlank()) {
            return new Extract(false, null, List.of(), List.of(), List.of(), coverage);
        }
        int doc = best.passage().doc();
        return new Extract(true, answer, List.of(index.stored(doc)), List.of(index.text(doc)), List.of(), coverage,
                best.coverage(), best.unitCoverage());
    }

    /** Ideas from which a question counts as told as a story (99: none does). */
    static final int STORY_IDEAS = Integer.getInteger("binhdan.assistant.story-ideas", 6);
    static final int STORY_RANK = Integer.getInteger("binhdan.assistant.story-rank", 3);
    static final double STORY_COVERAGE = Double.parseDouble(System.getProperty("binhdan.assistant.story-coverage", "0.4"));
    static final double STORY_SENTENCE = Double.parseDouble(System.getProperty("binhdan.assistant.story-sentence", "0.35"));

    /** How much more a passage of the asker's own course weighs than one of another course. */
    static final double OWN_COURSE_BOOST = Double.parseDouble(System.getProperty("binhdan.assistant.own-course-boost", "1.5"));
    /** Lessons of the search whose passages compete for the answer. */
    static final int CANDIDATES = Integer.getInteger("binhdan.assistant.candidates", 6);
    /**
     * How much a lesson's search score, relative to the best lesson's, weighs its passages: the search
     * reads the whole lesson (title, module, every word), the passage only its part. Negative: the
     * former fixed factors by rank ({@link #PASSAGE_RANK_FACTOR}).
     */
    static final double SEARCH_POWER = Double.parseDouble(System.getProperty("binhdan.assistant.search-power", "1.0"));
    /** How much the share of the question's (catalogue-wide) weight a passage covers weighs its choice. */
    static final double COVERAGE_POWER = Double.parseDouble(System.getProperty("binhdan.assistant.coverage-power", "1.0"));
    /** The share of the question's weight the answer's passage must cover, headings included. */
    static final double PASSAGE_COVERAGE = Double.parseDouble(System.getProperty("binhdan.assistant.passage-coverage", "0"));
    /** The former gate: one sentence anywhere in the candidate lessons, not in the passage given. */
    static final boolean GATE_ON_SENTENCES = Boolean.getBoolean("binhdan.assistant.gate-on-sentences");
    /** The share a passage of another lesson must cover when the search's best lesson does not cover the question. */
    static final double FALLBACK_COVERAGE = Double.parseDouble(System.getProperty("binhdan.assistant.fallback-coverage", "0.99"));

    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("\\d+\\. .*");
    /** Lines of an answer beyond this are left to the lesson: a phone screen, or a minute read aloud. */
    static final int MAX_LINES = 16;
    /** A paragraph longer than this many sentences keeps only those that speak of the question. */
    static final int WHOLE_PARAGRAPH = 3;

    /**
     * The passage as an answer, one line per paragraph or list item: steps numbered as in the lesson,
     * other list items marked, sentences about the lesson itself, pointers elsewhere and anything
     * said twice left out; never ending on a line that announces something it does not show.
     */
    static String render(SearchIndex index, SearchIndex.Parsed parsed, Passages.Passage p) {
        List<String> lines = new ArrayList<>();
        List<String> said = new ArrayList<>();
        boolean joined = p.sections() > 1 && p.blocks().stream().filter(b -> b.kind().equals("sub")).count() > 0;
        // in a long passage, list items and paragraphs that do not speak of the question are left to the lesson
        int items = (int) p.blocks().stream().filter(b -> !b.kind().equals("sub")).count();
        boolean selective = items > MAX_LINES / 2 + 1 && !p.hasSteps();
        int step = 0;
        for (Passages.Block b : p.blocks()) {
            switch (b.kind()) {
                case "sub" -> {
                    if (joined) {
                        lines.add(Passages.heading(b.text()) + ":");
                    }
                }
                case "ol" -> {
                    step = b.startsList() ? 1 : step + 1;
                    String t = cleanItem(b.text());
                    if (t != null && !repeated(t, said)) {
                        lines.add(step + ". " + t);
                        said.add(t);
                    }
                }
                case "ul", "q" -> {
                    String t = cleanItem(b.text());
                    if (t != null && !repeated(t, said) && (!selective || index.weightIn(parsed, t) > 0)) {
                        lines.add("• " + t);
                        said.add(t);
                    }
                }
                default -> {
                    List<String> sentences = Passages.sentences(b.text());
                    boolean whole = sentences.size() <= WHOLE_PARAGRAPH && !selective;
                    StringBuilder line = new StringBuilder();
                    for (String s : sentences) {
                        String t = Passages.clean(s);
                        if (t == null || repeated(t, said) || (!whole && index.weightIn(parsed, t) == 0)) {
                            continue;
                        }
                        line.append(line.isEmpty() ? "" : " ").append(t);
                        said.add(t);
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                    }
                }
            }
        }
        if (lines.size() > MAX_LINES) {
            // what is left to the lesson is first what does not speak of the question, not whatever comes last
            for (int k = lines.size() - 1; k >= 0 && lines.size() > MAX_LINES; k--) {
                String l = lines.get(k);
                if (!l.endsWith(":") && !STEP.matcher(l).matches() && index.weightIn(parsed, l) == 0) {
                    lines.remove(k);
                }
            }
            if (lines.size() > MAX_LINES) {
                lines = new ArrayList<>(lines.subList(0, MAX_LINES));
            }
        }
        // "Lúc đó làm tiếp như sau:" or a phase heading with nothing after it says nothing
        for (int k = lines.size() - 1; k >= 0; k--) {
            if (lines.get(k).endsWith(":") && (k == lines.size() - 1 || lines.get(k + 1).endsWith(":"))) {
                lines.remove(k);
            }
        }
        return String.join("\n", lines);
    }

    /** How close (share of the chosen passage's score) another part of the same lesson must come to be added. */
    static final double SECOND_PART = Double.parseDouble(System.getProperty("binhdan.assistant.second-part", "0.3"));
    /** Lines of the other part added at most: what in it speaks of the question. */
    static final int SECOND_LINES = Integer.getInteger("binhdan.assistant.second-lines", 4);

    /**
     * The lesson's next best part, when it comes close to the chosen one: a question is often answered
     * by two parts of one lesson ("sổ sức khỏe ghi sai hạn thẻ": what the book shows, and whom to ask
     * when it is wrong). Only its lines that speak of the question are added, under its heading.
     */
    static String secondPart(SearchIndex index, SearchIndex.Parsed parsed, SearchIndex.PassageScore chosen,
                             List<SearchIndex.PassageScore> all, String rendered) {
        SearchIndex.PassageScore second = null;
        for (SearchIndex.PassageScore ps : all) {
            Passages.Passage p = ps.passage();
            // a part sharing any paragraph with the chosen one (its section, or a subsection of it) adds nothing new
            if (p.doc() != chosen.passage().doc() || ps == chosen || ps.score() <= 0
                    || p.blocks().stream().anyMatch(b -> chosen.passage().blocks().contains(b))) {
                continue;
            }
            if (second == null || ps.score() * ps.coverage() > second.score() * second.coverage()) {
                second = ps;
            }
        }
        if (second == null || second.score() * second.coverage() < SECOND_PART * chosen.score() * chosen.coverage()) {
            return null;
        }
        List<String> said = new ArrayList<>(List.of(rendered.split("\n")));
        List<String> candidates = List.of(render(index, parsed, second.passage()).split("\n"));
        boolean[] keep = new boolean[candidates.size()];
        int firstStep = -1;
        int lastStep = -1;
        for (int k = 0; k < candidates.size(); k++) {
            String line = candidates.get(k);
            keep[k] = !line.endsWith(":") && index.weightIn(parsed, line) > 0 && !repeated(line, said);
            if (keep[k] && STEP.matcher(line).matches()) {
                firstStep = firstStep < 0 ? k : firstStep;
                lastStep = k;
            }
        }
        // steps are not picked apart: from the first step that speaks of the question to the last, in order
        for (int k = Math.max(0, firstStep); k <= lastStep; k++) {
            keep[k] = STEP.matcher(candidates.get(k)).matches() || keep[k];
        }
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < candidates.size() && lines.size() < SECOND_LINES; k++) {
            if (keep[k]) {
                lines.add(candidates.get(k));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        return (second.passage().heading() == null ? "" : headingLine(second.passage().heading()) + "\n")
                + String.join("\n", lines);
    }

    /** The first lines of another part, under its heading, leaving out what the answer says already. */
    static String alsoAsked(SearchIndex index, SearchIndex.Parsed parsed, Passages.Passage p, String rendered) {
        List<String> said = new ArrayList<>(List.of(rendered.split("\n")));
        List<String> lines = new ArrayList<>();
        for (String line : render(index, parsed, p).split("\n")) {
            if (lines.size() < SECOND_LINES && !line.isBlank() && !line.endsWith(":") && !repeated(line, said)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        return (p.heading() == null ? "" : headingLine(p.heading()) + "\n") + String.join("\n", lines);
    }

    /** A part's heading as a line of the answer: "Khi bán hàng và nhận tiền:"; one that asks ("Báo cho ai?") as it is. */
    private static String headingLine(String heading) {
        String h = Passages.heading(heading);
        return h + (h.matches("(?s).*[?!.:]$") ? "" : ":");
    }

    static final boolean LEAD = Boolean.parseBoolean(System.getProperty("binhdan.assistant.lead", "true"));
    static final double LEAD_MARGIN = Double.parseDouble(System.getProperty("binhdan.assistant.lead-margin", "1.5"));

    /**
     * The lesson's one sentence (or list item) that gathers the question best, when the chosen passage
     * holds none as good: the passage is chosen for covering the question's subject, but a yes/no or
     * "where" question is often answered by one rule said elsewhere in the lesson ("… có giá trị như
     * chữ ký tay"). It comes first, as a person answering would say it, and the passage follows.
     */
    static String lead(SearchIndex index, SearchIndex.Parsed parsed, Passages.Passage chosen,
                       List<Passages.Passage> ofLesson, String rendered) {
        List<String> units = new ArrayList<>();
        List<Boolean> inChosen = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Passages.Passage p : ofLesson) {
            for (Passages.Block b : p.blocks()) {
                if (b.kind().equals("sub")) {
                    continue;
                }
                boolean same = chosen.searchable().contains(b.text());
                for (String u : b.kind().equals("p") ? Passages.sentences(b.text()) : List.of(b.text())) {
                    String t = b.kind().equals("p") ? Passages.clean(u) : cleanItem(u);
                    if (t != null && t.split("\\s+").length >= 4 && seen.add(t)) {
                        units.add(t);
                        inChosen.add(same);
                    }
                }
            }
        }
        List<SearchIndex.Concept> concepts = parsed.concepts();
        boolean[][] has = new boolean[units.size()][];
        int[] having = new int[concepts.size()];
        for (int u = 0; u < units.size(); u++) {
            has[u] = index.conceptsIn(parsed, units.get(u));
            for (int c = 0; c < concepts.size(); c++) {
                having[c] += has[u][c] ? 1 : 0;
            }
        }
        boolean[] inTitle = index.conceptsIn(parsed, index.stored(chosen.doc()).get("title"));
        // within the lesson an idea every sentence shares (its topic) tells the sentences apart less than a rare one
        double[] weight = new double[concepts.size()];
        for (int c = 0; c < concepts.size(); c++) {
            weight[c] = inTitle[c] || having[c] == 0 ? 0
                    : Math.sqrt(concepts.get(c).weight()) * Math.log(1 + (double) units.size() / having[c]);
        }
        double inPassage = 0;
        double outside = 0;
        String best = null;
        for (int u = 0; u < units.size(); u++) {
            double w = 0;
            for (int c = 0; c < concepts.size(); c++) {
                w += has[u][c] ? weight[c] : 0;
            }
            int tokens = units.get(u).split("\\s+").length;
            w /= 1 + Math.max(0, tokens - 25) / 25.0;
            if (inChosen.get(u)) {
                inPassage = Math.max(inPassage, w);
            } else if (w > outside) {
                outside = w;
                best = units.get(u);
            }
        }
        if (best == null || outside <= inPassage * LEAD_MARGIN) {
            return null;
        }
        return repeated(best, new ArrayList<>(List.of(rendered.split("\n")))) ? null : best;
    }

    /** A list item without the sentences that only point elsewhere ("Xem lại bài … để …"). */
    private static String cleanItem(String item) {
        StringBuilder out = new StringBuilder();
        for (String s : Passages.sentences(item)) {
            String t = Passages.clean(s);
            if (t != null) {
                out.append(out.isEmpty() ? "" : " ").append(t);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Said already, in the same or nearly the same words (a summary box repeating the text, a hotline twice). */
    static boolean repeated(String sentence, List<String> said) {
        Set<String> words = words(sentence);
        if (words.isEmpty()) {
            return false;
        }
        for (String s : said) {
            Set<String> other = words(s);
            int common = 0;
            for (String w : words) {
                if (other.contains(w)) {
                    common++;
                }
            }
            if (common >= 0.8 * Math.min(words.size(), other.size()) && Math.min(words.size(), other.size()) >= 4) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : Passages.fold(s).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
