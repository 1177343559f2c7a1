package vn.binhdan.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A consolidated report laid out as a Vietnamese administrative document (Decree 30/2020/NĐ-CP):
 * what the DOCX and PDF renderers print, nothing about where the figures come from.
 *
 * <p>Texts are given as a reader should see them, in any Unicode normalisation form (the renderers
 * print them NFC). The document type, the bodies and the signer's authority and position are
 * printed upper case whatever case they arrive in. Recipients are given without the leading
 * "- " and the closing ";" or ".", which the renderers add; the last one is usually
 * "Lưu: VT, ...".
 *
 * @param governingBody   the body directly above the issuer ("UBND TỈNH ĐẮK LẮK"); blank when
 *                        there is none
 * @param signerAuthority "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", ...; blank when the signer signs
 *                        in their own right
 */
public record AdministrativeReport(
        String governingBody,
        String issuingBody,
        String number,
        String place,
        LocalDate date,
        String documentType,
        String summary,
        List<Section> sections,
        List<String> recipients,
        String signerAuthority,
        String signerPosition,
        String signerName) {

    public AdministrativeReport {
        Objects.requireNonNull(date, "date");
        sections = List.copyOf(sections);
        recipients = List.copyOf(recipients);
    }

    /** A numbered part of the body (I., II., ...): its paragraphs, then its tables. */
    public record Section(String heading, List<String> paragraphs, List<Table> tables) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
            tables = List.copyOf(tables);
        }
    }

    /** A data table; its header row repeats on every page it runs onto. */
    public record Table(String caption, List<String> headers, List<List<Cell>> rows) {

        public Table {
            headers = List.copyOf(headers);
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            rows = rows.stream().<List<Cell>>map(List::copyOf).toList();
            for (List<Cell> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException(
                            "a row has " + row.size() + " cells for " + headers.size() + " columns");
                }
            }
        }
    }

    /**
     * One table cell. Numbers are printed the Vietnamese way ("1.234", "87,5%") and aligned
     * right; a missing figure reads "Không có số liệu". Bold marks total rows.
     */
    public sealed interface Cell {

        boolean bold();

        record Text(String value, boolean bold) implements Cell {
        }

        record Whole(long value, boolean bold) implements Cell {
        }

        /** {@code percent}: the value is already in percent, 87.5 prints as "87,5%". */
        record Decimal(BigDecimal value, int fractionDigits, boolean percent, boolean bold) implements Cell {

            public Decimal {
                Objects.requireNonNull(value, "value");
                if (fractionDigits < 0) {
                    throw new IllegalArgumentException("fractionDigits < 0");
                }
            }
        }

        record Missing(boolean bold) implements Cell {
        }

        static Cell text(String value) {
            return new Text(value, false);
        }

        static Cell integer(long value) {
            return new Whole(value, false);
        }

        static Cell decimal(BigDecimal value, int fractionDigits) {
            return new Decimal(value, fractionDigits, false, false);
        }

        /** 87.5 with one fraction digit prints as "87,5%". */
        static Cell percent(BigDecimal value, int fractionDigits) {
            return new Decimal(value, fractionDigits, true, false);
        }

        static Cell missing() {
            return new Missing(false);
        }

        /** A total row: the same cells, bold. */
        static List<Cell> totalRow(Cell... cells) {
            return Arrays.stream(cells).map(Cell::inBold).toList();
        }

        default Cell inBold() {
            return switch (this) {
                case Text t -> new Text(t.value(), true);
                case Whole w -> new Whole(w.value(), true);
                case Decimal d -> new Decimal(d.value(), d.fractionDigits(), d.percent(), true);
                case Missing m -> new Missing(true);
            };
        }
    }
}
