package vn.binhdan.assistant.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A lesson cut into passages the way its author cut it: one per heading (a subsection on its own,
 * and a section with its subsections together), the opening before the first heading, and the
 * boxed summary. An answer is one passage (or two consecutive numbered procedures), so it says
 * what the section teaches in the lesson's order, with the steps still numbered, instead of the
 * best-scoring sentences of the whole lesson glued together.
 */
public final class Passages {

    /** One block of a passage: {@code kind} is p, ol, ul, row, q or sub (a subheading inside a section). */
    public record Block(String kind, boolean startsList, String text) {
    }

    /**
     * {@code heading}: the passage's own heading (null for the opening); {@code parent}: the section's
     * heading above a subsection; {@code order}: position in the lesson; {@code sections}: how many
     * headed sections it joins (a section with its subsections, or two procedures).
     */
    public record Passage(int doc, int order, String heading, String parent, List<Block> blocks, Kind kind,
                          int sections) {

        public boolean hasSteps() {
            return blocks.stream().anyMatch(b -> b.kind().equals("ol"));
        }

        /** Everything a question's words are looked for in, headings included. */
        public String searchable() {
            StringBuilder s = new StringBuilder();
            for (Block b : blocks) {
                s.append(b.text()).append('\n');
            }
            return s.toString();
        }

        public String headings() {
            return (parent == null ? "" : parent + "\n") + (heading == null ? "" : heading);
        }
    }

    public enum Kind { OPENING, SECTION, SUMMARY }

    /** Headings of parts that are not teaching: where the facts come from. */
    private static final Pattern SOURCES = Pattern.compile("(?iu)^(\\d+\\.\\s*)?(nguồn|tài liệu tham khảo).*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\d“\"(])");
    /** A pointer elsewhere means nothing in an answer read on its own: "(xem bài trước)", "(xem mục 4)". */
    private static final Pattern REFERENCE = Pattern.compile("(?iu)\\s*\\((xem|đọc|tham khảo)( lại)? (bài|mục|phần|hình|ở)[^)]*\\)");
    private static final Pattern REFERENCE_SENTENCE = Pattern.compile(
            "(?iu)^(hãy |bác |bạn |em )?(xem|đọc|ôn|tham khảo)( lại)? (bài|mục|phần)\\b.*");
    /** Sentences about the lesson rather than the topic: "Bài này giúp bác…". */
    private static final Pattern ABOUT_THE_LESSON = Pattern.compile(
            "(?iu)^(bài (học )?này|trong bài (học )?này|phần này|mục này|sau bài (học )?này)\\b.*");

    private Passages() {
    }

    /** The passages of a lesson from its outline ({@link IndexContent#outline}); plain text is one opening. */
    public static List<Passage> split(int doc, String outline, String text) {
        List<String> lines = new ArrayList<>();
        if (outline == null || outline.isBlank()) {
            for (String l : (text == null ? "" : text).split("\n")) {
                if (!l.isBlank()) {
                    lines.add("p\t" + l.strip());
                }
            }
        } else {
            lines.addAll(List.of(outline.split("\n")));
        }
        List<Passage> out = new ArrayList<>();
        List<Block> opening = new ArrayList<>();
        List<Block> summary = new ArrayList<>();
        String section = null;
        List<Block> sectionBlocks = new ArrayList<>();
        int subsections = 0;
        String sub = null;
        List<Block> subBlocks = new ArrayList<>();
        boolean skipping = false;
        int[] order = {0};
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String kind = line.substring(0, tab);
            String t = line.substring(tab + 1).strip();
            switch (kind) {
                case "h2" -> {
                    closeSub(out, doc, order, section, sub, subBlocks);
                    closeSection(out, doc, order, section, sectionBlocks, subsections);
                    sub = null;
                    subBlocks = new ArrayList<>();
                    sectionBlocks = new ArrayList<>();
                    subsections = 0;
                    skipping = SOURCES.matcher(t).matches();
                    section = skipping ? null : t;
                }
                case "h3", "h4" -> {
                    if (skipping) {
                        continue;
                    }
                    closeSub(out, doc, order, section, sub, subBlocks);
                    sub = t;
                    subBlocks = new ArrayList<>();
                    subsections++;
                    sectionBlocks.add(new Block("sub", false, t));
                }
                case "q" -> summary.add(new Block("q", false, t));
                default -> {
                    if (skipping) {
                        continue;
                    }
                    String k = kind.endsWith("+") ? kind.substring(0, kind.length() - 1) : kind;
                    Block b = new Block(k, kind.endsWith("+"), t);
                    if (section == null && sub == null) {
                        opening.add(b);
                    } else {
                        sectionBlocks.add(b);
                        if (sub != null) {
                            subBlocks.add(b);
                        }
                    }
                }
            }
        }
        closeSub(out, doc, order, section, sub, subBlocks);
        closeSection(out, doc, order, section, sectionBlocks, subsections);
        if (!opening.isEmpty()) {
            out.add(new Passage(doc, -1, null, null, opening, Kind.OPENING, 0));
        }
        if (!summary.isEmpty()) {
            // "Ghi nhớ" itself is a label, not a fact
            List<Block> facts = summary.size() > 1 && summary.getFirst().text().split("\\s+").length <= 3
                    ? summary.subList(1, summary.size()) : summary;
            out.add(new Passage(doc, 1000, null, null, List.copyOf(facts), Kind.SUMMARY, 0));
        }
        // a procedure in two phases ("register at the commune police", then "activate on the phone")
        List<Passage> sections = out.stream().filter(p -> p.kind() == Kind.SECTION && p.parent() == null).toList();
        for (int i = 0; i + 1 < sections.size(); i++) {
            Passage a = sections.get(i);
            Passage b = sections.get(i + 1);
            if (a.hasSteps() && b.hasSteps() && b.order() == a.order() + 1) {
                List<Block> joined = new ArrayList<>();
                joined.add(new Block("sub", false, a.heading()));
                joined.addAll(a.blocks());
                joined.add(new Block("sub", false, b.heading()));
                joined.addAll(b.blocks());
                out.add(new Passage(doc, a.order(), a.heading(), null, joined, Kind.SECTION, 2));
            }
        }
        return out;
    }

    private static void closeSub(List<Passage> out, int doc, int[] order, String section, String sub, List<Block> blocks) {
        if (sub != null && !blocks.isEmpty()) {
            out.add(new Passage(doc, order[0]++, sub, section, List.copyOf(blocks), Kind.SECTION, 1));
        }
    }

    private static void closeSection(List<Passage> out, int doc, int[] order, String section, List<Block> blocks,
                                     int subsections) {
        boolean hasOwnText = blocks.stream().anyMatch(b -> !b.kind().equals("sub"));
        int firstSub = 0;
        while (firstSub < blocks.size() && !blocks.get(firstSub).kind().equals("sub")) {
            firstSub++;
        }
        if (section != null && subsections > 0 && firstSub > 0) {
            // what the section says before its subsections is often the direct answer ("a strong password is…")
            out.add(new Passage(doc, order[0]++, section, null, List.copyOf(blocks.subList(0, firstSub)), Kind.SECTION, 1));
        }
        if (section != null && hasOwnText) {
            out.add(new Passage(doc, order[0]++, section, null, List.copyOf(blocks), Kind.SECTION,
                    Math.max(1, subsections)));
        }
    }

    /** The sentences of a paragraph. */
    public static List<String> sentences(String block) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(block.strip())) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /**
     * A sentence or list item as it may stand in an answer: pointers elsewhere cut out, null when
     * nothing is left to say on its own (a bare pointer, a sentence about the lesson itself).
     */
    public static String clean(String s) {
        String t = REFERENCE.matcher(s).replaceAll("").strip();
        if (t.isEmpty() || REFERENCE_SENTENCE.matcher(t).matches() || ABOUT_THE_LESSON.matcher(t).matches()) {
            return null;
        }
        if (t.endsWith(",") || t.endsWith(";")) {
            t = t.substring(0, t.length() - 1) + ".";
        }
        return t;
    }

    /** A heading of sources ("Nguồn tham khảo"): not a part that teaches. */
    static boolean isSources(String heading) {
        return SOURCES.matcher(heading).matches();
    }

    /** Strips a heading's own numbering: "4. Đăng ký mức độ 2" → "Đăng ký mức độ 2". */
    public static String heading(String h) {
        return h.replaceFirst("^\\d+\\.\\s*", "").replaceFirst("^(Bước \\d+)\\s*:\\s*", "$1: ").strip();
    }

    /** Lower case without diacritics, for telling two wordings of one sentence apart. */
    static String fold(String s) {
        String n = java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'),
                java.text.Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
