package vn.binhdan.contest.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.contest.Contest;
import vn.binhdan.contest.ContestEntries;
import vn.binhdan.contest.ContestForm;
import vn.binhdan.contest.Contests;
import vn.binhdan.contest.EntryForm;
import vn.binhdan.contest.EntryResult;
import vn.binhdan.contest.FairPlayFlag;
import vn.binhdan.contest.MyRound;
import vn.binhdan.contest.PrizeList;
import vn.binhdan.contest.RankedEntry;
import vn.binhdan.contest.Round;
import vn.binhdan.contest.RoundForm;
import vn.binhdan.contest.UnitStanding;

/**
 * The contest from an app: the organiser sets it up, closes rounds, reviews fair play and
 * publishes prizes; a contestant registers, enters, answers item by item and submits with a
 * prediction. Items are addressed by their position in the entry, never by question.
 */
@RestController
@RequestMapping("/api/v1")
class ContestApi {

    private final Contests contests;
    private final ContestEntries entries;
    private final PrizeXlsx xlsx;
    private final PrizeDocx docx;

    ContestApi(Contests contests, ContestEntries entries, PrizeXlsx xlsx, PrizeDocx docx) {
        this.contests = contests;
        this.entries = entries;
        this.xlsx = xlsx;
        this.docx = docx;
    }

    @PostMapping("/contests")
    @ResponseStatus(HttpStatus.CREATED)
    Contest create(@RequestBody ContestForm form) {
        return contests.create(form);
    }

    @GetMapping("/contests")
    List<Contest> list() {
        return contests.list();
    }

    @GetMapping("/contests/{id}")
    Contest get(@PathVariable long id) {
        return contests.get(id);
    }

    @PostMapping("/contests/{id}/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    Round addRound(@PathVariable long id, @RequestBody RoundForm form) {
        return contests.addRound(id, form);
    }

    @GetMapping("/contest-rounds/{roundId}")
    Round round(@PathVariable long roundId) {
        return contests.getRound(roundId);
    }

    @PutMapping("/contest-rounds/{roundId}")
    Round updateRound(@PathVariable long roundId, @RequestBody RoundForm form) {
        return contests.updateRound(roundId, form);
    }

    @PostMapping("/contest-rounds/{roundId}/close")
    Round close(@PathVariable long roundId) {
        return contests.close(roundId);
    }

    @GetMapping("/contest-rounds/{roundId}/ranking")
    List<RankedEntry> ranking(@PathVariable long roundId, @RequestParam(defaultValue = "20") int limit) {
        return contests.ranking(roundId, limit);
    }

    /** Participation per unit down the tree; {@code roundId} absent: the whole contest. */
    @GetMapping("/contests/{id}/units")
    List<UnitStanding> units(@PathVariable long id, @RequestParam(required = false) Long roundId,
                             @RequestParam(required = false) Long unitId) {
        return contests.standings(id, roundId, unitId);
    }

    @GetMapping("/contest-rounds/{roundId}/fair-play")
    List<FairPlayFlag> fairPlay(@PathVariable long roundId) {
        return contests.fairPlay(roundId);
    }

    @GetMapping("/contest-rounds/{roundId}/prizes")
    PrizeList roundPrizes(@PathVariable long roundId) {
        return contests.roundPrizes(roundId);
    }

    @GetMapping("/contests/{id}/prizes")
    PrizeList finalPrizes(@PathVariable long id) {
        return contests.finalPrizes(id);
    }

    /** {@code roundId} absent: the final and collective prizes. */
    @PostMapping("/contests/{id}/prizes/publication")
    PrizeList publish(@PathVariable long id, @RequestParam(required = false) Long roundId) {
        return contests.publish(id, roundId);
    }

    record Exclusion(String entryId, String reason) {
    }

    /** Excludes a flagged entry before the prizes are published; the round is ranked again without it. */
    @PostMapping("/contest-rounds/{roundId}/exclusions")
    Round exclude(@PathVariable long roundId, @RequestBody(required = false) Exclusion body) {
        return contests.exclude(roundId, body == null ? null : body.entryId(), body == null ? null : body.reason());
    }

    /** Takes an exclusion back before the prizes are published; the round is ranked again with the entry. */
    @DeleteMapping("/contest-rounds/{roundId}/exclusions/{entryId}")
    Round reinstate(@PathVariable long roundId, @PathVariable String entryId) {
        return contests.reinstate(roundId, entryId);
    }

    @GetMapping("/contest-rounds/{roundId}/prizes.xlsx")
    ResponseEntity<byte[]> roundPrizesXlsx(@PathVariable long roundId) {
        return PrizeXlsx.download(xlsx.write(contests.roundPrizes(roundId), LocaleContextHolder.getLocale()),
                "giai-vong-" + roundId);
    }

    @GetMapping("/contests/{id}/prizes.xlsx")
    ResponseEntity<byte[]> finalPrizesXlsx(@PathVariable long id) {
        return PrizeXlsx.download(xlsx.write(contests.finalPrizes(id), LocaleContextHolder.getLocale()),
                "giai-chung-cuoc-" + id);
    }

    /** The organiser's announcement of a round's prizes, to edit, sign and send. */
    @GetMapping("/contest-rounds/{roundId}/prizes.docx")
    ResponseEntity<byte[]> roundPrizesDocx(@PathVariable long roundId) {
        var list = contests.roundPrizes(roundId);
        return PrizeDocx.download(docx.write(list, contests.get(list.contestId()).organiser(),
                LocaleContextHolder.getLocale()), "thong-bao-giai-vong-" + roundId);
    }

    @GetMapping("/contests/{id}/prizes.docx")
    ResponseEntity<byte[]> finalPrizesDocx(@PathVariable long id) {
        return PrizeDocx.download(docx.write(contests.finalPrizes(id), contests.get(id).organiser(),
                LocaleContextHolder.getLocale()), "thong-bao-giai-chung-cuoc-" + id);
    }

    // ---- taking part ---------------------------------------------------------------------------

    @PostMapping("/contests/{id}/registration")
    Map<String, Object> register(@PathVariable long id) {
        return Map.of("registered", true, "new", entries.register(id));
    }

    @GetMapping("/me/contest-rounds")
    List<MyRound> mine() {
        return entries.myRounds();
    }

    @PostMapping("/contest-rounds/{roundId}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    EntryForm start(@PathVariable long roundId, HttpServletRequest request) {
        return entries.start(roundId, request.getRemoteAddr(), Devices.of(request));
    }

    @GetMapping("/me/contest-entries/{id}")
    EntryForm form(@PathVariable String id) {
        return entries.form(id);
    }

    record Answer(List<Integer> choice) {
    }

    @PutMapping("/me/contest-entries/{id}/items/{position}")
    ContestEntries.Saved save(@PathVariable String id, @PathVariable int position, @RequestBody Answer answer) {
        return entries.save(id, position, answer == null ? List.of() : answer.choice());
    }

    /** The prediction arrives as whatever the app sent, so that "12.5" or "-3" is refused by name, not as a parse error. */
    record Submission(Object prediction) {
    }

    @PostMapping("/me/contest-entries/{id}/submit")
    EntryForm submit(@PathVariable String id, @RequestBody(required = false) Submission submission) {
        return entries.submit(id, submission == null ? null : submission.prediction());
    }

    @GetMapping("/me/contest-entries/{id}/result")
    EntryResult result(@PathVariable String id) {
        return entries.result(id);
    }
}
