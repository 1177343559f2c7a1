package vn.binhdan.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
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

    static void read(Path file, TabularReader.RawRows handler) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new TabularException("import.error.emptyFile");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, styles, handler));
                xml.parse(new InputSource(sheet));
            }
        } catch (TabularException | TabularReader.StopReading e) {
            throw e;
        } catch (HandlerFailed e) {
            throw (RuntimeException) e.getCause();
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

    /**
     * What the rows' consumer threw (a database error while staging, a refusal): passed on as it
     * is, where a failure of POI itself means the file is not a workbook.
     */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final TabularReader.RawRows handler;
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
        private int style;
        private boolean overflow;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, TabularReader.RawRows handler) {
            this.strings = strings;
            this.styles = styles;
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
                    overflow = false;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    col = ref == null ? implicitCol : columnIndex(ref);
                    if (col < 0) {
                        col = implicitCol;
                    }
                    implicitCol = col + 1;
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? 0 : parseIndex(s);
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
                    // a tiny file can name column ZZZZZZ (321 million): cells past the limit are never
                    // padded up to, only noted if they hold something
                    Cell cell = cell();
                    if (col >= TabularReader.MAX_COLUMNS) {
                        overflow |= !cell.isBlank() || cell.formula();
                        return;
                    }
                    while (row.size() < col) {
                        row.add(Cell.EMPTY);
                    }
                    if (row.size() == col) {
                        row.add(cell);
                    }
                }
                case "row" -> {
                    try {
                        handler.row(rowNo, row, overflow);
                    } catch (TabularException | TabularReader.StopReading e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new HandlerFailed(e);
                    }
                }
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
                    String date = isDateStyle(style) ? dateText(value) : null;
                    if (date != null) {
                        s = date;
                    } else {
                        s = plainNumber(value);
                        numeric = true;
                    }
                }
                case "b" -> s = "1".equals(value) ? "TRUE" : "FALSE";
                default -> s = value;
            }
            String clean = VietnameseText.clean(s);
            return new Cell(clean == null ? "" : clean, numeric, formula);
        }

        /** Only a date format makes a number a date: 1975 in a General cell is the year people read. */
        private boolean isDateStyle(int index) {
            if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
                return false;
            }
            return dateStyles.computeIfAbsent(index, i -> {
                XSSFCellStyle st = styles.getStyleAt(i);
                return st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString());
            });
        }

        /**
         * A date cell as people see it (dd/MM/yyyy). A whole number 1900–2100 in a date cell is a
         * year typed into a date column (Excel shows 1975 there as 28/05/1905): kept as the year, so
         * it is refused as one rather than stored as a date nobody meant.
         */
        private static String dateText(String v) {
            try {
                double d = Double.parseDouble(v.trim());
                if (d == Math.rint(d) && d >= 1900 && d <= 2100) {
                    return Long.toString((long) d);
                }
                if (d < 1 || d > 2_958_465) {
                    return null;
                }
                return EXCEL_EPOCH.plusDays((long) Math.floor(d)).format(DMY);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static int parseIndex(String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static int columnIndex(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                // capped: a reference like "ZZZZZZZZZ" would overflow into a small or negative index
                c = Math.min(c * 26 + (ch - 'A' + 1), 1 << 24);
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
