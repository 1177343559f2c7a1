package vn.binhdan.demo;

import java.nio.charset.StandardCharsets;

/** Builds an RFC 4180 CSV in memory: the demo files are a few megabytes at most. */
final class CsvWriter {

    private final StringBuilder out = new StringBuilder(1 << 16);

    CsvWriter(String... header) {
        row((Object[]) header);
    }

    CsvWriter row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String s = cells[i] == null ? "" : cells[i].toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                out.append(s);
            }
        }
        out.append('\n');
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
