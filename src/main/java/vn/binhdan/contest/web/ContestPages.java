package vn.binhdan.contest.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.contest.CollectiveBasis;
import vn.binhdan.contest.Contest;
import vn.binhdan.contest.ContestEntries;
import vn.binhdan.contest.ContestForm;
import vn.binhdan.contest.Contests;
import vn.binhdan.contest.Counts;
import vn.binhdan.contest.DrawLine;
import vn.binhdan.contest.EntryForm;
import vn.binhdan.contest.Round;
import vn.binhdan.contest.RoundForm;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * The contest in the browser: a contestant's rounds and the entry page (one page that works
 * without JavaScript; with it each answer is saved as it changes, by the exam pages' script),
 * and the organiser's contest and round pages with leaderboards, fair play and prize lists.
 */
@Controller
class ContestPages {

    private final Contests contests;
    private final ContestEntries entries;
    private final PrizeXlsx xlsx;
    private final PrizeDocx docx;
    private final Units units;
    private final MessageSource messages;

    ContestPages(Contests contests, ContestEntries entries, PrizeXlsx xlsx, PrizeDocx docx, Units units, MessageSource messages) {
        this.contests = contests;
        this.entries = entries;
        this.xlsx = xlsx;
        this.docx = docx;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/contests")
    String list(Model model) {
        AppUser user = CurrentUser.require();
        // the round she can take now comes first, then those still to open; closed ones (results) last
        model.addAttribute("mine", entries.myRounds().stream()
                .sorted(java.util.Comparator.comparingInt((vn.binhdan.contest.MyRound r) -> switch (r.status()) {
                    case "OPEN" -> 0;
                    case "CLOSED" -> 2;
                    default -> 1;
                })).toList());
        model.addAttribute("contests", contests.listLight());
        List<Long> scope = user.grants().stream().filter(g -> Contests.ORGANISERS.contains(g.role()))
                .map(g -> g.unitId()).distinct().toList();
        model.addAttribute("organiserUnits", units.findByIds(scope));
        return "contest/list";
    }

    @PostMapping("/contests")
    String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String rules, @RequestParam(required = false) String organiser,
                  @RequestParam(required = false) Integer finalPrizes,
                  @RequestParam(required = false) CollectiveBasis collectiveBasis,
                  @RequestParam(required = false) Integer collectivePrizes, RedirectAttributes flash) {
        try {
            Contest c = contests.create(new ContestForm(unitId, title, rules, organiser, finalPrizes, collectiveBasis,
                    collectivePrizes));
            return "redirect:/contests/" + c.id();
        } catch (BusinessException e) {
            refuseOutright(e);
            flash.addFlashAttribute("error", message(e));
            return "redirect:/contests";
        }
    }

    @GetMapping("/contests/{id}")
    String contest(@PathVariable long id, Model model) {
        Contest c = contests.get(id);
        model.addAttribute("contest", c);
        model.addAttribute("standings", contests.standings(id, null, null));
        model.addAttribute("now", LocalDateTime.now(ZoneId.systemDefault()).withSecond(0).withNano(0));
        return "contest/contest";
    }

    @PostMapping("/contests/{id}/rounds")
    String addRound(@PathVariable long id, @RequestParam(required = false) String title,
                    @RequestParam(required = false) LocalDateTime opensAt,
                    @RequestParam(required = false) LocalDateTime closesAt,
                    @RequestParam(required = false) Integer timeLimitMinutes,
                    @RequestParam(required = false) Integer entriesAllowed, @RequestParam(required = false) Counts counts,
                    @RequestParam(required = false) Integer prizes, @RequestParam(required = false) String draw,
                    RedirectAttributes flash) {
        try {
            Round r = contests.addRound(id, new RoundForm(title, instant(opensAt), instant(closesAt), timeLimitMinutes,
                    entriesAllowed, counts, prizes, drawLines(draw), null));
            return "redirect:/contests/rounds/" + r.id();
        } catch (BusinessException e) {
            refuseOutright(e);
            flash.addFlashAttribute("error", message(e));
            return "redirect:/contests/" + id;
        }
    }

    private static java.time.Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** "1:2:3" lines: area, difficulty (or *), count. */
    static List<DrawLine> drawLines(String text) {
        List<DrawLine> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = 0;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.trim().split("\\s*:\\s*");
            try {
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                out.add(new DrawLine(p[0], p[1].equals("*") ? null : Integer.valueOf(p[1]), Integer.valueOf(p[2])));
            } catch (NumberFormatException e) {
                throw new BusinessException("contest.field", "draw[" + n + "]");
            }
            n++;
        }
        return out;
    }

    @GetMapping("/contests/rounds/{roundId}")
    String round(@PathVariable long roundId, @RequestParam(required = false) Long unit, Model model) {
        Round r = contests.getRound(roundId);
        Contest c = contests.get(r.contestId());
        model.addAttribute("round", r);
        model.addAttribute("contest", c);
        model.addAttribute("standings", contests.standings(c.id(), roundId, unit));
        model.addAttribute("ranking", r.closed() ? contests.ranking(roundId, 20) : List.of());
        if (c.organisedByMe()) {
            model.addAttribute("flags", contests.fairPlay(roundId));
            model.addAttribute("prizes", r.closed() ? contests.roundPrizes(roundId) : null);
        }
        return "contest/round";
    }

    @PostMapping("/contests/rounds/{roundId}/close")
    String close(@PathVariable long roundId, RedirectAttributes flash) {
        try {
            contests.close(roundId);
        } catch (BusinessException e) {
            refuseOutright(e);
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/contests/rounds/" + roundId;
    }

    @PostMapping("/contests/rounds/{roundId}/publish")
    String publish(@PathVariable long roundId, RedirectAttributes flash) {
        try {
            contests.publish(contests.getRound(roundId).contestId(), roundId);
        } catch (BusinessException e) {
            refuseOutright(e);
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/contests/rounds/" + roundId;
    }

    @PostMapping("/contests/rounds/{roundId}/exclusions")
    String exclude(@PathVariable long roundId, @RequestParam(required = false) String entryId,
                   @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            contests.exclude(roundId, entryId, reason);
            flash.addFlashAttribute("notice", message("contest.excluded"));
        } catch (BusinessException e) {
            refuseOutright(e);
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/contests/rounds/" + roundId;
    }

    @PostMapping("/contests/rounds/{roundId}/exclusions/{entryId}/reinstatement")
    String reinstate(@PathVariable long roundId, @PathVariable String entryId, RedirectAttributes flash) {
        try {
            contests.reinstate(roundId, entryId);
            flash.addFlashAttribute("notice", message("contest.reinstated"));
        } catch (BusinessException e) {
            refuseOutright(e);
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/contests/rounds/" + roundId;
    }

    @GetMapping("/contests/rounds/{roundId}/prizes.xlsx")
    ResponseEntity<byte[]> prizes(@PathVariable long roundId) {
        return PrizeXlsx.download(xlsx.write(contests.roundPrizes(roundId), LocaleContextHolder.getLocale()),
                "giai-vong-" + roundId);
    }

    @GetMapping("/contests/{id}/prizes.xlsx")
    ResponseEntity<byte[]> finalPrizes(@PathVariable long id) {
        return PrizeXlsx.download(xlsx.write(contests.finalPrizes(id), LocaleContextHolder.getLocale()),
                "giai-chung-cuoc-" + id);
    }

    /** The organiser's announcement of a round's prizes, to edit, sign and send. */
    @GetMapping("/contests/rounds/{roundId}/prizes.docx")
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

    @PostMapping("/contests/rounds/{roundId}/enter")
    String enter(@PathVariable long roundId, HttpServletRequest request, HttpServletResponse response,
                 RedirectAttributes flash) {
        try {
            EntryForm form = entries.start(roundId, request.getRemoteAddr(), Devices.cookie(request, response));
            return "redirect:/contests/entries/" + form.entryId();
        } catch (BusinessException e) {
            refuseOutright(e);
            flash.addFlashAttribute("error", message(e));
            return "redirect:/contests";
        }
    }

    @GetMapping("/contests/entries/{id}")
    String entry(@PathVariable String id, Model model) {
        EntryForm form = entries.form(id);
        if (!form.active()) {
            return "redirect:/contests/entries/" + id + "/result";
        }
        model.addAttribute("form", form);
        model.addAttribute("minutesLeft", (form.secondsLeft() + 59) / 60);
        return "contest/entry";
    }

    @PostMapping("/contests/entries/{id}/items/{position}")
    ResponseEntity<Map<String, Object>> saveOne(@PathVariable String id, @PathVariable int position,
                                                @RequestParam(name = "choice", required = false) List<Integer> choice) {
        try {
            ContestEntries.Saved saved = entries.save(id, position, choice == null ? List.of() : choice);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("secondsLeft",
                    saved.secondsLeft(), "message", message("contest.saved", position)));
        } catch (BusinessException e) {
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", message(e)));
        }
    }

    @PostMapping("/contests/entries/{id}")
    String saveAll(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
                   @RequestParam(defaultValue = "save") String action, RedirectAttributes flash) {
        try {
            entries.saveAll(id, choices(params));
            if ("submit".equals(action)) {
                entries.submit(id, params.getFirst("prediction"));
                flash.addFlashAttribute("notice", message("contest.submitted"));
                return "redirect:/contests/entries/" + id + "/result";
            }
            flash.addFlashAttribute("notice", message("contest.allSaved"));
        } catch (BusinessException e) {
            refuseOutright(e);
            if ("contest.alreadySubmitted".equals(e.messageKey()) || "contest.timeUp".equals(e.messageKey())) {
                flash.addFlashAttribute("error", message(e));
                return "redirect:/contests/entries/" + id + "/result";
            }
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/contests/entries/" + id;
    }

    static Map<Integer, List<Integer>> choices(MultiValueMap<String, String> params) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.matches("q\\d{1,3}")) {
                List<Integer> choice = new ArrayList<>();
                for (String v : values) {
                    if (v != null && !v.isBlank()) {
                        try {
                            choice.add(Integer.parseInt(v.trim()));
                        } catch (NumberFormatException e) {
                            throw new BusinessException("error.badRequest");
                        }
                    }
                }
                out.put(Integer.parseInt(name.substring(1)), choice);
            }
        });
        return out;
    }

    @GetMapping("/contests/entries/{id}/result")
    String result(@PathVariable String id, Model model) {
        EntryForm form = entries.form(id);
        model.addAttribute("form", form);
        Round r = contests.getRound(form.roundId());
        model.addAttribute("round", r);
        if (r.closed()) {
            model.addAttribute("result", entries.result(id));
        }
        return "contest/result";
    }

    /** Someone else's contest or entry is an error page, not a note on the page they came from. */
    private static void refuseOutright(BusinessException e) {
        if (e instanceof vn.binhdan.shared.ForbiddenException || e instanceof vn.binhdan.shared.NotFoundException) {
            throw e;
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private String message(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
    }


}
