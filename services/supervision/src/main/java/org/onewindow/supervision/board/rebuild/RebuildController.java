package org.onewindow.supervision.board.rebuild;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin command that rebuilds the board from the topics ({@code POST}, answered at once with
 * 202) and its progress ({@code GET}). The board spans every jurisdiction, so only an administrator
 * starts it; a second start while one runs is a 409.
 */
@RestController
class RebuildController {

    private final BoardRebuild rebuild;
    private final ZoneId zone;

    RebuildController(BoardRebuild rebuild, PromisedDates dates) {
        this.rebuild = rebuild;
        this.zone = dates.zone();
    }

    record ProgressView(
            String state,
            String requestedBy,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            long eventsTotal,
            long eventsRead,
            long eventsSkipped,
            long lines,
            Long durationMs,
            String failure) {}

    @PostMapping("/api/v1/supervision/board/rebuild")
    ResponseEntity<ProgressView> start(Caller caller) {
        administrator(caller);
        return rebuild.start(caller.username())
                .map(p -> ResponseEntity.status(HttpStatus.ACCEPTED).body(view(p)))
                .orElseThrow(() ->
                        Rejection.conflict("board.rebuild-running", "看板正在重建，请等待完成后再试", "a rebuild is already running"));
    }

    @GetMapping("/api/v1/supervision/board/rebuild")
    ProgressView progress(Caller caller) {
        administrator(caller);
        return view(rebuild.progress());
    }

    private static void administrator(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw Rejection.forbidden("看板重建仅限平台管理员", "only an administrator rebuilds the board");
        }
    }

    private ProgressView view(BoardRebuild.Progress p) {
        return new ProgressView(
                p.state(),
                p.requestedBy(),
                at(p.startedAt()),
                at(p.finishedAt()),
                p.eventsTotal(),
                p.eventsRead(),
                p.eventsSkipped(),
                p.lines(),
                p.startedAt() != null && p.finishedAt() != null
                        ? p.finishedAt().toEpochMilli() - p.startedAt().toEpochMilli()
                        : null,
                p.failure());
    }

    private OffsetDateTime at(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
