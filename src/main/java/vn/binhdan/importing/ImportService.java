package vn.binhdan.importing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.importing.internal.ErrorReportWriter;
import vn.binhdan.importing.internal.ImportJobRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.IdMask;
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
    /** Preview cells longer than this are cut: the preview is for recognising columns, not reading them. */
    static final int PREVIEW_CELL = 100;

    private final Map<String, Importer> importers = new LinkedHashMap<>();
    private final ImportJobRepository jobs;
    private final ImportProperties props;
    private final TaskExecutor executor;
    private final MessageSource messages;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    /** Names this process in the jobs it runs; a new one at every start, so a restart is a new owner. */
    private final String instanceId = UUID.randomUUID().toString();
    /**
     * Heartbeats on a thread of their own: Spring's scheduler has one thread, and a long nightly
     * task on it would silence every running import until another instance failed them.
     */
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

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
        long every = props.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopHeartbeat() {
        heartbeat.shutdownNow();
    }

    private void beat() {
        try {
            jobs.heartbeat(instanceId);
        } catch (RuntimeException e) {
            log.warn("Import heartbeat failed: {}", e.toString());
        }
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

    /**
     * Stores the file, checks that it is a readable table, finds its header row, and proposes a
     * column mapping.
     */
    public ImportUpload upload(String kind, String fileName, InputStream content) {
        AppUser user = CurrentUser.require();
        Importer importer = importer(kind);
        importer.checkAllowed(user);
        String id = UUID.randomUUID().toString();
        Stored stored = store(id, content);
        Path file = stored.file();
        try {
            TabularFormat format = TabularReader.detect(file, fileName);
            long headerRow = TabularReader.findHeader(file, format, names -> suggest(names, importer.fields()).size());
            TabularReader.Preview preview = TabularReader.preview(file, format, headerRow, 10);
            checkDistinctNames(preview.header());
            String safeName = fileName == null ? "tep" : Path.of(fileName).getFileName().toString();
            if (safeName.length() > 255) {
                safeName = safeName.substring(safeName.length() - 255);
            }
            jobs.create(id, importer.kind(), safeName, format, user.username(), preview.headerRow(), stored.sha256());
            return describe(job(id), importer, preview);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    public ImportUpload describe(String jobId) {
        ImportJob job = job(jobId);
        Importer importer = importer(job.kind());
        Path file = fileOf(jobId);
        if (!Files.exists(file)) {
            throw new NotFoundException("import.error.uploadGone");
        }
        return describe(job, importer, TabularReader.preview(file, TabularFormat.valueOf(job.format()), job.headerRow(), 10));
    }

    private ImportUpload describe(ImportJob job, Importer importer, TabularReader.Preview preview) {
        Map<String, Integer> mapping = suggest(preview.header(), importer.fields());
        Set<Integer> idColumns = idColumns(importer, mapping);
        List<List<String>> rows = preview.rows().stream().map(r -> {
            List<String> shown = new ArrayList<>(r.size());
            for (int i = 0; i < r.size(); i++) {
                String v = idColumns.contains(i) ? IdMask.mask(r.get(i)) : IdMask.maskIfId(r.get(i));
                shown.add(cut(v));
            }
            return List.copyOf(shown);
        }).toList();
        List<String> header = preview.header().stream().map(ImportService::cut).toList();
        String notice = preview.headerRow() > 1
                ? messages.getMessage("import.headerRow", new Object[]{preview.headerRow()}, VI) : null;
        return new ImportUpload(job, header, rows, importer.fields(), mapping, missing(importer, mapping),
                preview.headerRow(), notice);
    }

    private static String cut(String s) {
        return s == null || s.length() <= PREVIEW_CELL ? s : s.substring(0, PREVIEW_CELL - 1) + "…";
    }

    /** The columns mapped to a field of ID numbers: shown masked, whatever they hold. */
    private static Set<Integer> idColumns(Importer importer, Map<String, Integer> mapping) {
        Set<Integer> columns = new HashSet<>();
        for (ImportField f : importer.fields()) {
            Integer i = mapping.get(f.key());
            if (f.nationalId() && i != null) {
                columns.add(i);
            }
        }
        return columns;
    }

    /**
     * Two columns named alike ("Số CCCD" twice, once for the person and once for a guardian): the
     * mapping would silently take the first, so the file is refused until one is renamed.
     */
    static void checkDistinctNames(List<String> header) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String f = VietnameseText.fold(header.get(i)).replaceAll("[^a-z0-9]+", " ").strip();
            if (f.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(f, i);
            if (first != null) {
                throw new TabularException("import.error.duplicateColumn", cut(header.get(i)),
                        TabularReader.columnName(first), TabularReader.columnName(i));
            }
        }
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
        if (!Files.exists(file)) {
            throw new NotFoundException("import.error.uploadGone");
        }
        TabularFormat format = TabularFormat.valueOf(job.format());
        Map<String, Integer> mapping = requested;
        if (mapping == null || mapping.isEmpty()) {
            mapping = suggest(TabularReader.preview(file, format, job.headerRow(), 0).header(), importer.fields());
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
        try {
            if (!jobs.markRunning(jobId, estimateRows(file, format), clean.toString(), instanceId)) {
                return job(jobId);
            }
        } catch (DuplicateKeyException e) {
            // the same bytes of the same kind are running now (here or on another instance): both
            // would write the same rows and one would die on a unique key with a generic error
            throw new ConflictException("import.error.alreadyRunning");
        }
        Map<String, Integer> finalMapping = Map.copyOf(clean);
        if (background) {
            executor.execute(() -> SystemUser.run(user, () -> execute(importer, job, file, format, finalMapping, user)));
        } else {
            execute(importer, job, file, format, finalMapping, user);
        }
        return job(jobId);
    }

    /** Withdraws an upload that was not started; its file is deleted at once. */
    public ImportJob cancel(String jobId) {
        ImportJob job = job(jobId);
        if (job.status() == ImportJob.Status.RUNNING) {
            throw new ConflictException("import.error.cancelRunning");
        }
        if (jobs.cancel(jobId, messages.getMessage("import.cancelled", null, VI))) {
            delete(fileOf(jobId));
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

    /** Streams the report written when the job ended: the rows that failed, ID numbers masked. */
    public void writeErrorReport(String jobId, OutputStream out) throws IOException {
        job(jobId);
        checkReport(jobId);
        Files.copy(reportOf(jobId), out);
    }

    /** Throws before a download starts when there is no report, so the refusal is still a clean error. */
    public void checkReport(String jobId) {
        job(jobId);
        if (!Files.exists(reportOf(jobId))) {
            throw new NotFoundException("import.error.reportExpired", props.retention().toHours());
        }
    }

    private void execute(Importer importer, ImportJob job, Path file, TabularFormat format,
                         Map<String, Integer> mapping, AppUser user) {
        String jobId = job.id();
        RunImpl run = new RunImpl(jobId, file, format, job.headerRow(), mapping, user);
        ImportJob.Status status;
        ImportOutcome outcome;
        String message;
        boolean retriable = false;
        try {
            outcome = importer.run(run);
            run.flushErrors();
            if (run.errorCount() > 0) {
                status = ImportJob.Status.REJECTED;
                message = messages.getMessage("import.rejected", new Object[]{run.errorCount()}, VI);
            } else {
                status = ImportJob.Status.DONE;
                message = messages.getMessage("import.done", new Object[]{outcome.created(), outcome.updated(),
                        outcome.unchanged()}, VI);
            }
        } catch (BusinessException e) {
            run.flushErrors();
            status = ImportJob.Status.FAILED;
            outcome = ImportOutcome.rejected(run.rows);
            message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), VI);
        } catch (DuplicateKeyException e) {
            // another import wrote some of the same rows (persons, units, questions) first: this one
            // was rolled back whole, and simply running it again finds them and changes nothing
            log.warn("Import {} collided with another import: {}", jobId, e.getMostSpecificCause().toString());
            run.flushErrors();
            status = ImportJob.Status.FAILED;
            outcome = ImportOutcome.rejected(run.rows);
            message = messages.getMessage("import.error.concurrent", null, VI);
            retriable = true;
        } catch (RuntimeException e) {
            log.error("Import {} failed", jobId, e);
            run.flushErrors();
            status = ImportJob.Status.FAILED;
            outcome = ImportOutcome.rejected(run.rows);
            message = messages.getMessage("import.error.internal", null, VI);
        }
        if (run.errorCount() > 0) {
            writeReport(job, format, file, idColumns(importer, mapping));
        }
        // the upload holds ID numbers in clear: it goes whatever the outcome, and before the job
        // says it ended, so nobody who sees the end can still find it
        delete(file);
        if (job.headerRow() > 1) {
            message = message + " " + messages.getMessage("import.headerRow", new Object[]{job.headerRow()}, VI);
        }
        jobs.finish(jobId, status, run.rows, run.errorCount(), outcome, message, retriable);
        if (status == ImportJob.Status.DONE) {
            audit.record("IMPORT", importer.kind(), jobId, null,
                    "rows=" + outcome.rows() + " created=" + outcome.created() + " updated=" + outcome.updated());
            events.publishEvent(new ImportApplied(importer.kind(), jobId, outcome.created(), outcome.updated()));
        }
    }

    /**
     * The error report is written once, while the upload still exists: after it, only the report
     * (ID numbers masked) remains for the user to download.
     */
    private void writeReport(ImportJob job, TabularFormat format, Path file, Set<Integer> idColumns) {
        Map<Long, String> errors = jobs.errors(job.id());
        String rowNo = messages.getMessage("import.report.rowNo", null, VI);
        String error = messages.getMessage("import.report.error", null, VI);
        Path report = reportOf(job.id());
        Path tmp = props.dir().resolve(job.id() + ".errors.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ErrorReportWriter.write(file, format, job.headerRow(), idColumns, errors, rowNo, error, out);
            } catch (BusinessException e) {
                // the file itself is unreadable: the report still lists what was found
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ErrorReportWriter.writeWithoutRows(errors, rowNo, error, out);
                }
            }
            Files.move(tmp, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.error("Could not write the error report of import {}", job.id(), e);
            delete(tmp);
        }
    }

    /**
     * Uploads hold personal data in clear and must not linger: an upload never started is deleted
     * within the hour, a job cut off by a crash is failed, and error reports go after their
     * retention. Every step is a conditional update or an idempotent delete, so instances
     * sweeping the same database and directory at once do each thing once.
     */
    @Scheduled(fixedDelayString = "${binhdan.import.sweep-every:PT5M}", initialDelayString = "PT1M")
    public void sweep() {
        Instant now = Instant.now();
        for (String id : jobs.uploadedBefore(now.minus(props.abandonAfter()))) {
            if (jobs.cancel(id, messages.getMessage("import.abandoned", null, VI))) {
                delete(fileOf(id));
            }
        }
        recoverInterrupted();
        if (!Files.isDirectory(props.dir())) {
            return;
        }
        Instant orphaned = now.minus(props.abandonAfter());
        Instant expired = now.minus(props.retention());
        try (var files = Files.list(props.dir())) {
            files.forEach(f -> {
                String name = f.getFileName().toString();
                Instant modified;
                try {
                    modified = Files.getLastModifiedTime(f).toInstant();
                } catch (IOException e) {
                    return;
                }
                if (name.endsWith(".upload") && modified.isBefore(orphaned)
                        && !jobs.live(name.substring(0, name.length() - ".upload".length()))) {
                    // left by a crash between storing and recording, or a delete that failed
                    delete(f);
                } else if (name.endsWith(".errors.tmp") && modified.isBefore(orphaned)) {
                    delete(f);
                } else if (name.endsWith(".errors.xlsx") && modified.isBefore(expired)) {
                    delete(f);
                }
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Could not sweep the uploads in {}", props.dir(), e);
        }
    }

    /**
     * Fails the running jobs whose instance went silent (crashed, killed, powered off): otherwise
     * they stay RUNNING forever, their file blocks a new import of itself, and the person import's
     * staged rows — names and birth dates — stay in the database. An instance id alone cannot
     * tell a dead owner from a live one, so ownership is proven by a heartbeat: every instance
     * refreshes its running jobs every {@code heartbeat} on a thread of its own, and a job silent
     * for {@code staleAfter} (many heartbeats) has no owner left. The claim repeats the staleness
     * condition, so exactly one instance cleans each job. Runs at start and with every sweep.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void recoverInterrupted() {
        Instant cutoff = Instant.now().minus(props.staleAfter());
        for (ImportJob j : jobs.silentSince(cutoff)) {
            if (!jobs.failSilent(j.id(), cutoff, messages.getMessage("import.interrupted", null, VI))) {
                continue;
            }
            log.warn("Import {} was cut off (its instance stopped answering); failed and cleaned up", j.id());
            Importer importer = importers.get(j.kind());
            try {
                if (importer != null) {
                    importer.abandon(j.id());
                }
            } catch (RuntimeException e) {
                log.error("Could not clean up after interrupted import {}", j.id(), e);
            }
            delete(fileOf(j.id()));
        }
    }

    private record Stored(Path file, String sha256) {
    }

    private Stored store(String id, InputStream content) {
        try {
            Files.createDirectories(props.dir());
            Path file = props.dir().resolve(id + ".upload");
            long limit = props.maxFileSize().toBytes();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
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
            return new Stored(file, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new TabularException("import.error.unreadable");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path fileOf(String jobId) {
        return props.dir().resolve(jobId + ".upload");
    }

    private Path reportOf(String jobId) {
        return props.dir().resolve(jobId + ".errors.xlsx");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the sweep tries again: an upload whose job has ended is deleted however it was left
            log.warn("Could not delete {}: {}", file.getFileName(), e.toString());
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

        private final long headerRow;

        RunImpl(String jobId, Path file, TabularFormat format, long headerRow, Map<String, Integer> mapping, AppUser user) {
            this.jobId = jobId;
            this.file = file;
            this.format = format;
            this.headerRow = headerRow;
            this.mapping = mapping;
            this.user = user;
        }

        @Override public String jobId() { return jobId; }
        @Override public Path file() { return file; }
        @Override public TabularFormat format() { return format; }
        @Override public long headerRow() { return headerRow; }
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
