package org.onewindow.runtime.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.casefile.model.CaseLink;
import org.onewindow.runtime.casefile.model.CaseQuery;
import org.onewindow.runtime.casefile.model.CaseStatus;

/**
 * The case table in memory, with the JDBC adapter's semantics: a transition only from the status
 * the case was read with, a step completed the first time only, results merged, links both ways,
 * and the keys of the tables (one case per number, one case per causing event and matter, links
 * only between stored cases).
 */
public final class InMemoryCaseFiles implements CaseFiles {

    private static final class Row {
        CaseFile file;
        final List<Receipt.MissingMaterial> owed;
        final Application application;
        final Map<String, CaseFile.Step> steps = new LinkedHashMap<>();
        final Map<String, CaseLink> links = new TreeMap<>();
        String ratingComment;
        Instant ratedAt;

        Row(CaseFile file, List<Receipt.MissingMaterial> owed, Application application) {
            this.file = file;
            this.owed = new ArrayList<>(owed);
            this.application = application;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public void insert(CaseFile file, List<Receipt.MissingMaterial> owed, Application application) {
        Objects.requireNonNull(application, "application");
        if (rows.containsKey(file.caseNumber())) {
            throw new IllegalStateException("duplicate key: case " + file.caseNumber());
        }
        if (file.causedBy() != null
                && rows.values().stream()
                        .anyMatch(r -> file.causedBy().equals(r.file.causedBy())
                                && file.matterCode().equals(r.file.matterCode()))) {
            throw new IllegalStateException(
                    "duplicate key: event " + file.causedBy() + " already opened " + file.matterCode());
        }
        // as the table stores it: no steps or links yet, no rating
        rows.put(
                file.caseNumber(),
                new Row(
                        copy(file, file.status(), file.deliveredAt(), null, file.results(), List.of(), List.of()),
                        owed,
                        application));
    }

    @Override
    public Optional<CaseFile> find(String caseNumber) {
        Row row = rows.get(caseNumber);
        if (row == null) {
            return Optional.empty();
        }
        List<CaseFile.Step> steps = row.steps.values().stream()
                .sorted(Comparator.comparing(CaseFile.Step::startedAt).thenComparing(CaseFile.Step::step))
                .toList();
        return Optional.of(copy(
                row.file,
                row.file.status(),
                row.file.deliveredAt(),
                row.file.rating(),
                row.file.results(),
                steps,
                List.copyOf(row.links.values())));
    }

    /** Without a clock table every case is listed as GREEN; the JDBC adapter's test covers levels. */
    @Override
    public List<CaseQuery.Listed> list(CaseQuery q) {
        return rows.values().stream()
                .map(r -> r.file)
                .filter(f -> q.jurisdiction() == null || f.jurisdiction().equals(q.jurisdiction()))
                .filter(f -> q.applicantSubject() == null
                        || q.applicantSubject().equals(f.applicantSubject())
                        || (q.applicantUscc() != null
                                && q.applicantUscc().equals(f.applicant().uscc())))
                .filter(f -> q.status() == null || f.status() == q.status())
                .filter(f -> q.matterCode() == null || q.matterCode().equals(f.matterCode()))
                .filter(f -> q.department() == null || q.department().equals(f.department()))
                .filter(f -> q.level() == null || q.level() == SlaLevel.GREEN)
                .sorted(Comparator.comparing(CaseFile::acceptedAt).reversed())
                .limit(q.limit())
                .map(f -> new CaseQuery.Listed(f, SlaLevel.GREEN))
                .toList();
    }

    @Override
    public Optional<Application> application(String caseNumber) {
        return Optional.ofNullable(rows.get(caseNumber)).map(r -> r.application);
    }

    @Override
    public boolean transition(CaseFile from, CaseFile to) {
        Row row = rows.get(from.caseNumber());
        if (row == null || row.file.status() != from.status()) {
            return false;
        }
        row.file = copy(
                row.file, to.status(), to.deliveredAt(), row.file.rating(), row.file.results(), List.of(), List.of());
        return true;
    }

    @Override
    public void stepStarted(String caseNumber, String step, Instant at) {
        require(caseNumber).steps.putIfAbsent(step, new CaseFile.Step(step, "IN_PROGRESS", at, null, null));
    }

    @Override
    public boolean stepCompleted(String caseNumber, String step, String reference, Instant at) {
        Row row = rows.get(caseNumber);
        CaseFile.Step current = row == null ? null : row.steps.get(step);
        if (current == null || "DONE".equals(current.status())) {
            return false;
        }
        row.steps.put(step, new CaseFile.Step(step, "DONE", current.startedAt(), at, reference));
        return true;
    }

    @Override
    public List<String> owed(String caseNumber) {
        Row row = rows.get(caseNumber);
        return row == null
                ? List.of()
                : row.owed.stream().map(Receipt.MissingMaterial::code).toList();
    }

    @Override
    public void supplied(String caseNumber, List<String> codes) {
        Row row = rows.get(caseNumber);
        if (row != null) {
            row.owed.removeIf(m -> codes.contains(m.code()));
        }
    }

    @Override
    public void addResults(String caseNumber, Map<String, Object> results) {
        Row row = rows.get(caseNumber);
        if (row != null) {
            row.file = row.file.withResults(results);
        }
    }

    @Override
    public Map<String, CaseFile> summaries(Collection<String> caseNumbers) {
        Map<String, CaseFile> out = new LinkedHashMap<>();
        for (String n : caseNumbers) {
            Row row = rows.get(n);
            if (row != null) {
                out.put(n, row.file);
            }
        }
        return out;
    }

    @Override
    public void repromised(String caseNumber, Instant dueAt, Instant wholeProcessDueAt, boolean calendarKnown) {
        Row row = rows.get(caseNumber);
        if (row != null) {
            row.file = row.file.repromised(dueAt, wholeProcessDueAt, calendarKnown);
        }
    }

    @Override
    public boolean rated(String caseNumber, int score, String comment, Instant at) {
        Row row = rows.get(caseNumber);
        if (row == null || row.file.status() != CaseStatus.DELIVERED || row.file.rating() != null) {
            return false;
        }
        row.file = copy(
                row.file, row.file.status(), row.file.deliveredAt(), score, row.file.results(), List.of(), List.of());
        row.ratingComment = comment;
        row.ratedAt = at;
        return true;
    }

    @Override
    public void link(String caseNumber, CaseLink link) {
        Row row = require(caseNumber);
        Row other = require(link.otherCase());
        row.links.putIfAbsent(link.otherCase(), link);
        other.links.putIfAbsent(caseNumber, new CaseLink(caseNumber, link.inverse()));
    }

    // what a test may look at beyond the port

    public int count() {
        return rows.size();
    }

    /** The owed materials as stored, with their names and reasons. */
    public List<Receipt.MissingMaterial> owedMaterials(String caseNumber) {
        return List.copyOf(require(caseNumber).owed);
    }

    public Optional<String> ratingComment(String caseNumber) {
        return Optional.ofNullable(require(caseNumber).ratingComment);
    }

    /** The stored case, for a test that must have it. */
    public CaseFile get(String caseNumber) {
        return find(caseNumber).orElseThrow(() -> new AssertionError("no case " + caseNumber));
    }

    private Row require(String caseNumber) {
        Row row = rows.get(caseNumber);
        if (row == null) {
            throw new IllegalStateException("foreign key: no case " + caseNumber);
        }
        return row;
    }

    private static CaseFile copy(
            CaseFile f,
            CaseStatus status,
            Instant deliveredAt,
            Integer rating,
            Map<String, Object> results,
            List<CaseFile.Step> steps,
            List<CaseLink> links) {
        return new CaseFile(
                f.caseNumber(),
                f.jurisdiction(),
                f.matterCode(),
                f.catalogueVersion(),
                f.channel(),
                status,
                f.outcome(),
                f.applicant(),
                f.applicantSubject(),
                f.submittedBy(),
                f.department(),
                f.acceptedAt(),
                f.dueAt(),
                f.wholeProcessDueAt(),
                f.calendarKnown(),
                f.supplementDueAt(),
                deliveredAt,
                rating,
                results,
                f.causedBy(),
                steps,
                links);
    }
}
