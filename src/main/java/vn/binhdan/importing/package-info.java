/**
 * Bulk import of tabular files (CSV, XLSX) as background jobs: upload, column mapping with a
 * preview, row-level validation, all-or-nothing apply, progress, and an error report. The
 * business modules contribute {@link vn.binhdan.importing.Importer}s; this module knows none
 * of them by name.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Nhập dữ liệu")
package vn.binhdan.importing;
