package vn.binhdan.community;

/** One criterion a nominator ticks for a model citizen or village, from the criteria file. */
public record Criterion(NominationKind kind, String code, String labelVi, String labelEn) {

    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelVi;
    }
}
