package vn.binhdan.shared.tabular;

public enum TabularFormat {
    CSV, XLSX;

    /** Chooses by the file's first bytes, not its name: a ".xlsx" that is really text is refused. */
    public static TabularFormat detect(String fileName, byte[] head, int length) {
        boolean zip = length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            if (!zip) {
                throw new TabularException("import.error.notXlsx");
            }
            return XLSX;
        }
        if (lower.endsWith(".xls")) {
            throw new TabularException("import.error.oldXls");
        }
        if (zip) {
            return XLSX;
        }
        return CSV;
    }
}
