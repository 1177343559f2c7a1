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
}
