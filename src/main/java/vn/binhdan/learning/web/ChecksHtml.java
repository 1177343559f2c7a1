package vn.binhdan.learning.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import vn.binhdan.learning.Check;
import vn.binhdan.learning.CheckResult;

/**
 * The fieldsets of a lesson's check questions. Written in Java rather than in the template:
 * a dozen options with half a dozen expressions each made the template engine the largest
 * cost of a lesson page.
 */
final class ChecksHtml {

    private ChecksHtml() {
    }

    static String fieldsets(List<Check> checks, CheckResult result, MessageSource messages, Locale locale) {
        StringBuilder html = new StringBuilder(2048);
        for (int q = 0; q < checks.size(); q++) {
            Check check = checks.get(q);
            CheckResult.Item item = result != null && q < result.items().size() ? result.items().get(q) : null;
            html.append("<fieldset class=\"check\"><legend>").append(q + 1).append(". ")
                    .append(escape(check.prompt())).append("</legend>");
            if (check.multiple()) {
                html.append("<p class=\"muted\">").append(escape(messages.getMessage("learn.chooseAll", null, locale)))
                        .append("</p>");
            }
            for (int o = 0; o < check.options().size(); o++) {
                String id = "q" + q + "-" + o;
                html.append("<div class=\"option\"><input type=\"").append(check.multiple() ? "checkbox" : "radio")
                        .append("\" name=\"q").append(q).append("\" value=\"").append(o).append("\" id=\"").append(id)
                        .append('"');
                if (!check.multiple()) {
                    html.append(" required");
                }
                if (item != null && item.chosen().contains(o)) {
                    html.append(" checked");
                }
                html.append("><label for=\"").append(id).append("\">").append(escape(check.options().get(o)))
                        .append("</label></div>");
            }
            if (item != null) {
                html.append("<p class=\"feedback").append(item.correct() ? " ok" : " bad").append("\"><strong>")
                        .append(escape(messages.getMessage(item.correct() ? "learn.right" : "learn.wrong", null, locale)))
                        .append("</strong>");
                if (item.explanation() != null) {
                    html.append(' ').append(escape(item.explanation()));
                }
                html.append("</p>");
            }
            html.append("</fieldset>");
        }
        return html.toString();
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
