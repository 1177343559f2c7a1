package vn.binhdan.shared.tabular;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.binhdan.shared.VietnameseText;

/**
 * RFC 4180 CSV with the quirks of files kept by Vietnamese offices: UTF-8 with or without a
 * BOM, or Windows-1258 (Excel's "CSV" on Vietnamese Windows); comma or semicolon separated.
 * Text is normalised to NFC because Windows-1258 and some Mac tools produce decomposed tones.
 */
final class CsvRows {

    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private CsvRows() {
    }

    static void read(Path file, TabularReader.RawRows handler) {
        try {
            Charset charset = detectCharset(file);
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                if (charset == StandardCharsets.UTF_8) {
                    skipBom(raw);
                }
                Reader reader = new BufferedReader(new InputStreamReader(raw, charset), 1 << 16);
                parse(reader, handler);
            }
        } catch (IOException e) {
            throw new TabularException("import.error.unreadable");
        }
    }

    /** UTF-8 if every byte sequence is valid UTF-8, otherwise Windows-1258. One streaming pass. */
    static Charset detectCharset(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf, 0, bytes.remaining())) > 0) {
                bytes.put(buf, 0, n);
                bytes.flip();
                CoderResult r = decoder.decode(bytes, chars, false);
                if (r.isError()) {
                    return WINDOWS_1258;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult r = decoder.decode(bytes, chars, true);
            if (r.isError() || decoder.flush(chars).isError()) {
                return WINDOWS_1258;
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1258;
        }
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    private static void parse(Reader in, TabularReader.RawRows handler) throws IOException {
        Reader src = in;
        src.mark(1 << 20);
        StringBuilder firstLine = new StringBuilder();
        for (int c = src.read(); c != -1 && c != '\n' && firstLine.length() < (1 << 20) - 1; c = src.read()) {
            firstLine.append((char) c);
        }
        src.reset();
        // The delimiter is whichever of ',' and ';' the header line uses more.
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';

        char[] buf = new char[1 << 16];
        int len = 0;
        int pos = 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean pendingQuote = false;
        boolean fieldWasQuoted = false;
        long line = 1;
        long rowStartLine = 1;
        boolean overflow = false;
        while (true) {
            if (pos == len) {
                len = src.read(buf, 0, buf.length);
                pos = 0;
                if (len == -1) {
                    break;
                }
            }
            char ch = buf[pos++];
            if (pendingQuote) {
                // a quote inside a quoted field: doubled means a literal quote, otherwise it closed the field
                pendingQuote = false;
                if (ch == '"') {
                    field.append('"');
                    continue;
                }
                quoted = false;
            }
            if (quoted) {
                if (ch == '"') {
                    pendingQuote = true;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0 && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (ch == delimiter) {
                overflow |= add(fields, field);
                fieldWasQuoted = false;
            } else if (ch == '\n') {
                overflow |= add(fields, field);
                fieldWasQuoted = false;
                handler.row(rowStartLine, cells(fields), overflow);
                fields.clear();
                overflow = false;
                line++;
                rowStartLine = line;
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !fields.isEmpty() || fieldWasQuoted) {
            overflow |= add(fields, field);
            handler.row(rowStartLine, cells(fields), overflow);
        }
    }

    /**
     * Ends a field. A line of a million separators must not become a million columns: fields past
     * the limit are dropped, and whether one of them held something is reported.
     */
    private static boolean add(List<String> fields, StringBuilder field) {
        boolean dropped = false;
        if (fields.size() < TabularReader.MAX_COLUMNS) {
            fields.add(field.toString());
        } else {
            dropped = !field.toString().isBlank();
        }
        field.setLength(0);
        return dropped;
    }

    private static List<Cell> cells(List<String> fields) {
        List<Cell> cells = new ArrayList<>(fields.size());
        for (String f : fields) {
            String v = VietnameseText.clean(f);
            cells.add(v == null ? Cell.EMPTY : Cell.text(v));
        }
        return cells;
    }

    private static int count(CharSequence s, char c) {
        int n = 0;
        boolean q = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '"') {
                q = !q;
            } else if (x == c && !q) {
                n++;
            }
        }
        return n;
    }
}
