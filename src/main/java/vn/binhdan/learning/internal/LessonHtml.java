package vn.binhdan.learning.internal;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The allow-list for lesson HTML: structure, emphasis, links, images, tables. Scripts,
 * styles, event handlers and {@code javascript:} links never reach a learner's page.
 */
public final class LessonHtml {

    private static final String BASE = "https://course.invalid/";

    private static final Safelist ALLOWED = new Safelist()
            .addTags("h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "hr", "blockquote",
                    "figure", "figcaption", "table", "caption", "thead", "tbody", "tr", "th", "td", "a", "img",
                    "abbr", "small", "sub", "sup", "code", "kbd", "span")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "width", "height")
            .addAttributes("th", "scope", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("abbr", "title")
            .addAttributes(":all", "lang")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);

    private LessonHtml() {
    }

    /** Cleans lesson HTML; images load lazily so a long lesson stays light on a slow link. */
    public static String sanitise(String html) {
        String clean = Jsoup.clean(html == null ? "" : html, BASE, ALLOWED);
        Document doc = Jsoup.parseBodyFragment(clean, BASE);
        for (Element img : doc.select("img")) {
            img.attr("loading", "lazy");
            img.attr("decoding", "async");
        }
        for (Element a : doc.select("a[href^=http]")) {
            a.attr("rel", "noopener");
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    /** Images without a text alternative (WCAG 1.1.1); an empty alt marks a decorative image. */
    public static List<String> imagesWithoutAlt(String html) {
        return Jsoup.parseBodyFragment(html).select("img:not([alt])").eachAttr("src");
    }

    /** Paths of images and links that point inside the course package. */
    public static List<String> packagePaths(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        return java.util.stream.Stream.concat(doc.select("img[src]").eachAttr("src").stream(),
                        doc.select("a[href]").eachAttr("href").stream())
                .filter(p -> !p.contains(":") && !p.startsWith("/") && !p.startsWith("#"))
                .toList();
    }

    /** The text of the HTML, for reading time and search. */
    public static String text(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }
}
