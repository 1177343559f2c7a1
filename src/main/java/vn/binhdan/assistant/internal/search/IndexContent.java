package vn.binhdan.assistant.internal.search;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Lesson HTML to the index's plain text: one block per line, no markup. */
public final class IndexContent {

    private IndexContent() {
    }

    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        List<String> blocks = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).body().select("p, li, h1, h2, h3, h4, td, th, figcaption, dd, dt")) {
            // a list item holding paragraphs is read through its paragraphs, once
            if (!e.is("p") && e.select("p, li").stream().anyMatch(x -> x != e)) {
                continue;
            }
            String t = e.text().strip();
            if (!t.isEmpty()) {
                blocks.add(t);
            }
        }
        return String.join("\n", blocks);
    }

    /**
     * The lesson's blocks with what each one is, one per line as {@code kind<TAB>text}: {@code h2},
     * {@code h3}, {@code h4} (headings), {@code p} (paragraph), {@code ol}/{@code ul} (an item of a
     * numbered or plain list; {@code ol+}/{@code ul+} starts a new list), {@code row} (a table row,
     * its cells named by the header row) and {@code q} (a boxed summary such as "Ghi nhớ", which
     * repeats the lesson). Figures and their captions are left out: they say again what the steps say.
     */
    public static String outline(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        Element body = Jsoup.parseBodyFragment(html).body();
        Element lastList = null;
        List<String> header = null;
        for (Element e : body.select("p, li, h1, h2, h3, h4, tr, dd, dt")) {
            // a list item is read whole (with its paragraphs), unless it holds a list of its own
            if (e.is("li") && e.select("li").stream().anyMatch(x -> x != e)) {
                continue;
            }
            if (e.closest("figure") != null || (e.is("p, dd, dt") && e.parents().stream().anyMatch(a -> a.is("li, td, th")))) {
                continue;
            }
            String t = e.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            boolean quoted = e.closest("blockquote") != null;
            String kind;
            if (e.is("h1, h2")) {
                kind = "h2";
            } else if (e.is("h3, h4")) {
                kind = e.tagName();
            } else if (e.is("tr")) {
                List<String> cells = e.select("> td, > th").stream().map(c -> c.text().strip()).toList();
                if (e.select("> td").isEmpty()) {
                    header = cells;
                    continue;
                }
                kind = "row";
                t = row(header, cells);
            } else if (e.is("li")) {
                Element list = e.parent();
                String type = list != null && list.is("ol") ? "ol" : "ul";
                kind = list == lastList ? type : type + "+";
                lastList = list;
            } else {
                kind = "p";
            }
            if (!e.is("li")) {
                lastList = null;
            }
            lines.add((quoted ? "q" : kind) + "\t" + t.replace('\t', ' '));
        }
        return String.join("\n", lines);
    }

    /** "Đăng ký ở đâu: Mức độ 1 – Tự đăng ký trên ứng dụng; Mức độ 2 – Đến công an": a row read aloud. */
    private static String row(List<String> header, List<String> cells) {
        if (cells.size() < 2) {
            return String.join(" ", cells);
        }
        StringBuilder out = new StringBuilder(cells.getFirst()).append(": ");
        for (int i = 1; i < cells.size(); i++) {
            if (i > 1) {
                out.append("; ");
            }
            String name = header != null && i < header.size() ? header.get(i).strip() : "";
            out.append(name.isEmpty() ? "" : name + " – ").append(cells.get(i));
        }
        return out.append('.').toString();
    }
}
