package vn.binhdan.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.binhdan.shared.VietnameseText;

/**
 * Streams the first sheet of a workbook with a SAX parser, so memory does not grow with the
 * number of rows. POI's zip-bomb guard stays on: an entry that inflates more than 100 times
 * its compressed size is refused.
 */
final class XlsxRows {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(1L << 30);
    }

    private XlsxRows() {
    }

    static void read(Path file, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new TabularException("import.error.emptyFile");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, handler));
                xml.parse(new InputSource(sheet));
            }
        } catch (TabularException | TabularReader.StopReading e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof TabularException te) {
                throw te;
            }
            throw translate(e);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    private static TabularException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("exceeds the max")) {
                return new TabularException("import.error.zipBomb");
            }
        }
        return new TabularException("import.error.notXlsx");
    }

    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final RowHandler handler;
        private final StringBuilder text = new StringBuilder();
        private List<Cell> row = new ArrayList<>();
        private long rowNo;
        private long implicitRow;
        private int col;
        private int implicitCol;
        private String type;
        private boolean formula;
        private boolean inValue;
        private String value;
        private int headerSize = -1;

        SheetHandler(ReadOnlySharedStringsTable strings, RowHandler handler) {
            this.strings = strings;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    implicitRow++;
                    String r = atts.getValue("r");
                    rowNo = r == null ? implicitRow : Long.parseLong(r);
                    implicitRow = rowNo;
                    row = new ArrayList<>();
                    implicitCol = 0;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    col = ref == null ? implicitCol : columnIndex(ref);
                    implicitCol = col + 1;
                    type = atts.getValue("t");
                    formula = false;
                    value = null;
                }
                case "f" -> formula = true;
                case "v", "t" -> {
                    inValue = true;
                    text.setLength(0);
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> {
                    inValue = false;
                    value = text.toString();
                }
                case "t" -> {
                    inValue = false;
                    value = value == null ? text.toString() : value + text;
                }
                case "c" -> {
                    while (row.size() < col) {
                        row.add(Cell.EMPTY);
                    }
                    row.add(cell());
                }
                case "row" -> emit();
                default -> { }
            }
        }

        private Cell cell() {
            if (value == null) {
                return formula ? new Cell("", false, true) : Cell.EMPTY;
            }
            String t = type == null ? "n" : type;
            String s;
            boolean numeric = false;
            switch (t) {
                case "s" -> s = strings.getItemAt(Integer.parseInt(value.trim())).getString();
                case "n" -> {
                    s = plainNumber(value);
                    numeric = true;
                }
                case "b" -> s = "1".equals(value) ? "TRUE" : "FALSE";
                default -> s = value;
            }
            String clean = VietnameseText.clean(s);
            return new Cell(clean == null ? "" : clean, numeric, formula);
        }

        private void emit() {
            boolean blank = row.stream().allMatch(c -> c.isBlank() && !c.formula());
            if (headerSize < 0) {
                if (blank) {
                    return;
                }
                List<String> names = row.stream().map(Cell::text).toList();
                headerSize = names.size();
                handler.header(names);
                return;
            }
            if (blank) {
                return;
            }
            while (row.size() < headerSize) {
                row.add(Cell.EMPTY);
            }
            handler.row(rowNo, row);
        }

        private static int columnIndex(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                c = c * 26 + (ch - 'A' + 1);
            }
            return c - 1;
        }

        private static String plainNumber(String v) {
            try {
                BigDecimal d = new BigDecimal(v.trim());
                d = d.stripTrailingZeros();
                return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
            } catch (NumberFormatException e) {
                return v;
            }
        }
    }

}
