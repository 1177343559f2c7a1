package vn.binhdan.monitoring.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.binhdan.monitoring.Dashboard;

/**
 * Trend lines drawn as a few hundred bytes of inline SVG each: no chart library to download on
 * a slow link, and the numbers stay in the page as text for screen readers.
 */
public record Charts(Map<String, Line> lines) {

    static final int WIDTH = 240;
    static final int HEIGHT = 64;

    /** A polyline over 0–100 %, and where the target falls on the same scale. */
    public record Line(String points, Double targetY, String lastX, String lastY) {
    }

    static Charts of(Dashboard d) {
        Map<String, Line> lines = new HashMap<>();
        for (Dashboard.Kpi k : d.kpis()) {
            List<Dashboard.Point> trend = k.trend();
            if (trend.size() < 2) {
                continue;
            }
            StringBuilder points = new StringBuilder();
            double step = (double) WIDTH / (trend.size() - 1);
            String x = "0";
            String y = "0";
            for (int i = 0; i < trend.size(); i++) {
                x = fmt(i * step);
                y = fmt(y(trend.get(i).value()));
                points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
            }
            Double target = k.target() == null ? null : Double.valueOf(fmt(y(k.target().doubleValue())));
            lines.put(k.indicator() + "/" + k.group(), new Line(points.toString(), target, x, y));
        }
        return new Charts(lines);
    }

    public Line line(String indicator, String group) {
        return lines.get(indicator + "/" + group);
    }

    private static double y(double percent) {
        double clamped = Math.max(0, Math.min(100, percent));
        return 2 + (HEIGHT - 4) * (1 - clamped / 100);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
