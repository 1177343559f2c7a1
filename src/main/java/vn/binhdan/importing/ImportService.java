package vn.binhdan.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.importing.internal.ErrorReportWriter;
import vn.binhdan.importing.internal.ImportJobRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.TabularException;
import vn.binhdan.shared.tabular.TabularFormat;
import vn.binhdan.shared.tabular.TabularReader;

@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    static final Locale VI = Locale.forLanguageTag("vi");

    private final Map<String, Importer> importers = new LinkedHashMap<>();
    private final ImportJobRepository jobs;
    private final ImportProperties props;
    private final TaskExecutor executor;
    private final MessageSource messages;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    public ImportService(List<Importer> importers, ImportJobRepository jobs, ImportProperties props,
                         @Qualifier("applicationTaskExecutor") TaskExecutor executor, MessageSource messages,
                         AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
        importers.forEach(i -> this.importers.put(i.kind(), i));
        this.jobs = jobs;
        this.props = props;
        this.executor = executor;
        this.messages = messages;
        this.audit = audit;
        this.events = events;
    }

    public List<String> kinds() {
        return List.copyOf(importers.keySet());
    }

    public Importer importer(String kind) {
        Importer importer = importers.get(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
        if (importer == null) {
            throw new NotFoundException("import.error.unknownKind", kind);
        }
        return importer;
    }

    /** Stores the file, checks that it is a readable table, and proposes a column mapping. */
    public ImportUpload upload(String kind, String fileName, InputStream content) {
        AppUser user = CurrentUser.require();
        Importer importer = importer(kind);
        importer.checkAllowed(user);
        String id = UUID.randomUUID().toString();
        Path file = store(id, content);
        try {
            TabularFormat format = TabularReader.detect(file, fileName);
            TabularReader.Preview preview = TabularReader.preview(file, format, 10);
            String safeName = fileName == null ? "tep" : Path.of(fileName).getFileName().toString();
            jobs.create(id, importer.kind(), safeName, format, user.username());
            Map<String, Integer> mapping = suggest(preview.header(), importer.fields());
            return new ImportUpload(job(id), preview.header(), preview.rows(), importer.fields(), mapping,
                    missing(importer, mapping));
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    public ImportUpload describe(String jobId) {
        ImportJob job = job(jobId);
        Importer importer = importer(job.kind());
        TabularReader.Preview preview = TabularReader.preview(fileOf(jobId), TabularFormat.valueOf(job.format()), 10);
        Map<String, Integer> mapping = suggest(preview.header(), importer.fields());
        return new ImportUpload(job, preview.header(), preview.rows(), importer.fields(), mapping,
                missing(importer, mapping));
    }

    /**
     * Starts the background run with the given mapping (null: the suggested one). Starting a job
     * that already started changes nothing, so a double click or a retried request is harmless.
     */
    public ImportJob start(String jobId, Map<String, Integer> requested) {
        return start(jobId, requested, true);
    }

    /**
     * Uploads and runs an import to the end in the calling thread — for demo data and scripts,
     * with exactly the checks and all-or-nothing apply of an upload through the UI.
     */
    public ImportJob runNow(String kind, String fileName, InputStream content, Map<String, Integer> mapping) {
        ImportUpload upload = upload(kind, fileName, content);
        return start(upload.job().id(), mapping, false);
    }

    private ImportJob start(String jobId, Map<String, Integer> requested, boolean background) {
        AppUser user = CurrentUser.require();
        ImportJob job = job(jobId);
        Importer importer = importer(job.kind());
        importer.checkAllowed(user);
        if (job.status() != ImportJob.Status.UPLOADED) {
            return job;
        }
        Path file = fileOf(jobId);
        TabularFormat format = TabularFormat.valueOf(job.format());
        Map<String, Integer> mapping = requested;
        if (mapping == null || mapping.isEmpty()) {
            mapping = suggest(TabularReader.preview(file, format, 0).header(), importer.fields());
        }
        Map<String, Integer> clean = new HashMap<>();
        mapping.forEach((k, v) -> {
            if (v != null && v >= 0) {
                clean.put(k, v);
            }
        });
        List<String> missing = missing(importer, clean);
        if (!missing.isEmpty()) {
            throw new BusinessException("import.error.missingColumns", String.join(", ", missing.stream()
                    .map(k -> messages.getMessage("import.field." + k, null, k, VI)).toList()));
        }
        if (!jobs.markRunning(jobId, estimateRows(file, format), clean.toString())) {
            return job(jobId);
        }
        Map<String, Integer> finalMapping = Map.copyOf(clean);
        if (background) {
            executor.execute(() -> SystemUser.run(user, () -> execute(importer, jobId, file, format, finalMapping, user)));
        } else {
            execute(importer, jobId, file, format, finalMapping, user);
        }
        return job(jobId);
    }

    public ImportJob job(String jobId) {
        ImportJob job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("import.error.notFound"));
        AppUser user = CurrentUser.require();
        if (!job.createdBy().equals(user.username()) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException();
        }
        return job;
    }

    public List<ImportJob> myJobs() {
        return jobs.byCreator(CurrentUser.require().username(), 20);
    }

    /** The first errors of a job, by row, in Vietnamese: for scripts and logs (users get the XLSX report). */
    public List<String> errors(String jobId, int limit) {
        job(jobId);
        return jobs.errors(jobId).entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(limit)
                .map(e -> messages.getMessage("import.report.rowNo", null, VI) + " " + e.getKey() + ": " + e.getValue())
                .toList();
    }

    /** Streams the rows that failed, with their original cells and an error column, as XLSX. */
    public void writeErrorReport(String jobId, OutputStream out) throws IOException {
        ImportJob job = job(jobId);
        Map<Long, String> errors = jobs.errors(jobId);
        Path file = fileOf(jobId);
        if (!Files.exists(file)) {
            throw new NotFoundException("import.error.reportExpired", props.retention().toHours());
        }
        ErrorReportWriter.write(file, TabularFormat.valueOf(job.format()), errors,
                messages.getMessage("import.report.rowNo", null, VI),
                messages.getMessage("import.report.error", null, VI), out);
    }

    private void execute(Importer importer, String jobId, Path file, TabularFormat format,
                         Map<String, Integer> mapping, AppUser user) {
        RunImpl run = new RunImpl(jobId, file, format, mapping, user);
        try {
            ImportOutcome outcome = importer.run(run);
            run.flushErrors();
            if (run.errorCount() > 0) {
                jobs.finish(jobId, ImportJob.Status.REJECTED, run.rows, run.errorCount(), outcome,
                        messages.getMessage("import.rejected", new Object[]{run.errorCount()}, VI));
            } else {
                // applied: nothing left to report, and the file holds ID numbers in clear; gone
                // before the job says DONE, so nobody who sees DONE can still find it
                delete(file);
                jobs.finish(jobId, ImportJob.Status.DONE, run.rows, 0, outcome,
                        messages.getMessage("import.done", new Object[]{outcome.created(), outcome.updated(),
                                outcome.unchanged()}, VI));
                audit.record("IMPORT", importer.kind(), jobId, null,
                        "rows=" + outcome.rows() + " created=" + outcome.created() + " updated=" + outcome.updated());
                events.publishEvent(new ImportApplied(importer.kind(), jobId, outcome.created(), outcome.updated()));
            }
        } catch (BusinessException e) {
            run.flushErrors();
            jobs.finish(jobId, ImportJob.Status.FAILED, run.rows, run.errorCount(), ImportOutcome.rejected(run.rows),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), VI));
        } catch (RuntimeException e) {
            log.error("Import {} failed", jobId, e);
            run.flushErrors();
            jobs.finish(jobId, ImportJob.Status.FAILED, run.rows, run.errorCount(), ImportOutcome.rejected(run.rows),
                    messages.getMessage("import.error.internal", null, VI));
        }
    }

    /** Uploads hold personal data in clear: none outlives its retention, whatever became of its job. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void purgeExpiredUploads() {
        if (!Files.isDirectory(props.dir())) {
            return;
        }
        java.time.Instant cutoff = java.time.Instant.now().minus(props.retention());
        try (var files = Files.list(props.dir())) {
            files.filter(f -> f.getFileName().toString().endsWith(".upload")).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(ImportService::delete);
        } catch (IOException e) {
            log.warn("Could not purge expired uploads in {}", props.dir(), e);
        }
    }

    private Path store(String id, InputStream content) {
        try {
            Files.createDirectories(props.dir());
            Path file = props.dir().resolve(id + ".upload");
            long limit = props.maxFileSize().toBytes();
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = content.read(buf)) > 0) {
                    total += n;
                    if (total > limit) {
                        out.close();
                        delete(file);
                        throw new TabularException("import.error.tooLarge", props.maxFileSize().toMegabytes());
                    }
                    out.write(buf, 0, n);
                }
                if (total == 0) {
                    out.close();
                    delete(file);
                    throw new TabularException("import.error.emptyFile");
                }
            }
            return file;
        } catch (IOException e) {
            throw new TabularException("import.error.unreadable");
        }
    }

    private Path fileOf(String jobId) {
        return props.dir().resolve(jobId + ".upload");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover upload is harmless; the next clean-up removes it
        }
    }

    private static long estimateRows(Path file, TabularFormat format) {
        if (format != TabularFormat.CSV) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long lines = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            return 0;
        }
    }

    static Map<String, Integer> suggest(List<String> header, List<ImportField> fields) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (ImportField f : fields) {
            for (int i = 0; i < header.size(); i++) {
                String h = VietnameseText.fold(header.get(i)).replaceAll("[^a-z0-9]+", " ").strip();
                String key = f.key().toLowerCase(Locale.ROOT).replace('_', ' ');
                if (h.equals(key) || f.aliases().stream().anyMatch(a -> h.equals(
                        VietnameseText.fold(a).replaceAll("[^a-z0-9]+", " ").strip()))) {
                    if (!mapping.containsValue(i)) {
                        mapping.put(f.key(), i);
                        break;
                    }
                }
            }
        }
        return mapping;
    }

    private static List<String> missing(Importer importer, Map<String, Integer> mapping) {
        List<String> missing = new ArrayList<>();
        for (ImportField f : importer.fields()) {
            if (f.required() && !mapping.containsKey(f.key())) {
                missing.add(f.key());
            }
        }
        return missing;
    }

    private final class RunImpl implements ImportRun {
        private final String jobId;
        private final Path file;
        private final TabularFormat format;
        private final Map<String, Integer> mapping;
        private final AppUser user;
        private final List<Object[]> pendingErrors = new ArrayList<>();
        private long rows;
        private long errors;
        private long lastProgressAt = System.nanoTime();

        RunImpl(String jobId, Path file, TabularFormat format, Map<String, Integer> mapping, AppUser user) {
            this.jobId = jobId;
            this.file = file;
            this.format = format;
            this.mapping = mapping;
            this.user = user;
        }

        @Override public String jobId() { return jobId; }
        @Override public Path file() { return file; }
        @Override public TabularFormat format() { return format; }
        @Override public Map<String, Integer> mapping() { return mapping; }
        @Override public AppUser user() { return user; }
        @Override public long errorCount() { return errors; }

        @Override
        public void rowRead() {
            rows++;
            if ((rows & 1023) == 0 && System.nanoTime() - lastProgressAt > 500_000_000L) {
                lastProgressAt = System.nanoTime();
                jobs.progress(jobId, rows, errors);
            }
        }

        @Override
        public void error(long rowNo, String messageKey, Object... args) {
            errors++;
            if (errors <= props.maxStoredErrors()) {
                pendingErrors.add(new Object[]{jobId, rowNo, truncate(messages.getMessage(messageKey, args, messageKey, VI))});
                if (pendingErrors.size() >= 1000) {
                    flushErrors();
                }
            }
        }

        void flushErrors() {
            if (!pendingErrors.isEmpty()) {
                jobs.addErrors(pendingErrors);
                pendingErrors.clear();
            }
        }

        private static String truncate(String s) {
            return s.length() > 1000 ? s.substring(0, 1000) : s;
        }
    }
}
