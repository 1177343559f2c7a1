package vn.binhdan.community;

/** A topic a guidance session can cover; the list is data, kept by the province. */
public record GuidanceTopic(String code, String nameVi, String nameEn, int sortOrder, boolean active) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
