package vn.binhdan.certification.internal;

import java.util.Objects;

/**
 * Everything printed on one certificate, already localised by the caller: the renderer
 * ({@link CertificatePdf}) draws these strings and nothing else.
 *
 * <p>Every field is required except {@code birthLine}, which may be {@code null} (the line is
 * then left out). A blank text is allowed and simply leaves its line out; only {@code verifyUrl},
 * which the QR code encodes, must not be blank.
 *
 * @param country         national name, e.g. "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 * @param motto           e.g. "Độc lập - Tự do - Hạnh phúc"
 * @param issuerName      issuing authority, top-left, e.g. "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
 * @param title           e.g. "GIẤY CHỨNG NHẬN"
 * @param subtitle        e.g. "Đạt phổ cập kỹ năng số cơ bản"
 * @param holderLabel     e.g. "Chứng nhận Ông/Bà:"
 * @param holderName      the learner's full name
 * @param birthLine       e.g. "Sinh năm: 1978", or {@code null}
 * @param achievementLine e.g. "Đã hoàn thành bài đánh giá kỹ năng số cơ bản dành cho người dân, đạt 85/100 điểm."
 * @param placeAndDate    e.g. "Đắk Lắk, ngày 22 tháng 11 năm 2026"
 * @param numberLabel     e.g. "Số hiệu:"
 * @param number          the certificate number, e.g. "DLK-2026-000123"
 * @param verifyLabel     printed above the QR code, e.g. "Quét mã để kiểm tra:"
 * @param verifyUrl       encoded in the QR code and printed below it
 */
public record CertificateSheet(
        String country,
        String motto,
        String issuerName,
        String title,
        String subtitle,
        String holderLabel,
        String holderName,
        String birthLine,
        String achievementLine,
        String placeAndDate,
        String numberLabel,
        String number,
        String verifyLabel,
        String verifyUrl) {

    public CertificateSheet {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(motto, "motto");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(holderLabel, "holderLabel");
        Objects.requireNonNull(achievementLine, "achievementLine");
        Objects.requireNonNull(placeAndDate, "placeAndDate");
        Objects.requireNonNull(numberLabel, "numberLabel");
        Objects.requireNonNull(verifyLabel, "verifyLabel");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(verifyUrl, "verifyUrl");
        if (verifyUrl.isBlank()) {
            throw new IllegalArgumentException("verifyUrl must not be blank");
        }
    }
}
