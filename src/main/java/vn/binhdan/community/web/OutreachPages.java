package vn.binhdan.community.web;

import java.time.YearMonth;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.community.internal.UnitChoices;
import vn.binhdan.community.events.EventForm;
import vn.binhdan.community.events.EventKind;
import vn.binhdan.community.events.Events;
import vn.binhdan.community.outreach.Outreach;
import vn.binhdan.community.outreach.OutreachChannel;
import vn.binhdan.community.outreach.OutreachForm;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.unit.Unit;

/**
 * Outreach of a commune month by month against its targets, with a form to record an item, and
 * the events with each unit's participants. A refused form comes back with the reason.
 */
@Controller
class OutreachPages {

    private final Outreach outreach;
    private final Events events;
    private final UnitChoices unitChoices;
    private final MessageSource messages;

    OutreachPages(Outreach outreach, Events events, UnitChoices unitChoices, MessageSource messages) {
        this.outreach = outreach;
        this.events = events;
        this.unitChoices = unitChoices;
        this.messages = messages;
    }

    record Form(Long unitId, String publishedOn, OutreachChannel channel, String title, String link, Integer copies) {
    }

    @GetMapping("/outreach")
    String month(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String month, Model model) {
        return month(unitId, month, model, new Form(unitId, "", OutreachChannel.NEWS, "", "", null), null);
    }

    private String month(Long unitId, String month, Model model, Form form, String error) {
        List<Unit> units = units();
        long shown = unitId != null ? unitId : home(units);
        YearMonth m = OutreachApi.month(month);
        model.addAttribute("view", outreach.month(shown, m));
        model.addAttribute("units", units);
        model.addAttribute("channels", OutreachChannel.values());
        model.addAttribute("form", form);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "outreach/month";
    }

    /** The unit of the user's first grant, where their month view opens. */
    private static long home(List<Unit> units) {
        return CurrentUser.require().grants().stream().map(g -> g.unitId()).filter(id -> id > 0).findFirst()
                .orElseGet(() -> units.isEmpty() ? 0L : units.getFirst().id());
    }

    @PostMapping("/outreach")
    String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String publishedOn,
                  @RequestParam(required = false) OutreachChannel channel, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String link, @RequestParam(required = false) Integer copies,
                  Model model, RedirectAttributes flash) {
        Form typed = new Form(unitId, publishedOn, channel, title, link, copies);
        try {
            var item = outreach.create(new OutreachForm(unitId, Pages.date(publishedOn, "outreach.badDate"), channel,
                    title, link, copies));
            flash.addFlashAttribute("notice", Pages.message(messages, "outreach.created", item.title()));
            return "redirect:/outreach?unitId=" + item.unitId() + "&month=" + YearMonth.from(item.publishedOn());
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            return month(unitId, null, model, typed, Pages.message(messages, e));
        }
    }

    @PostMapping("/outreach/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes flash) {
        var item = outreach.withdraw(id);
        flash.addFlashAttribute("notice", Pages.message(messages, "outreach.withdrawnNotice", item.title()));
        return "redirect:/outreach?unitId=" + item.unitId() + "&month=" + YearMonth.from(item.publishedOn());
    }

    /** Outreach and events belong to administrative units (a province, a commune, a village), not to schools or firms. */
    private List<Unit> units() {
        return unitChoices.of(CurrentUser.require(), u -> u.type().administrative());
    }

    // ------------------------------------------------------------------ events

    @GetMapping("/events")
    String events(Model model) {
        return events(model, null);
    }

    private String events(Model model, String error) {
        model.addAttribute("events", events.list());
        model.addAttribute("units", units());
        model.addAttribute("kinds", EventKind.values());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "outreach/events";
    }

    @PostMapping("/events")
    String createEvent(@RequestParam(required = false) EventKind kind, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String heldOn, @RequestParam(required = false) Long unitId,
                       Model model, RedirectAttributes flash) {
        try {
            var e = events.create(new EventForm(kind, title, Pages.date(heldOn, "events.dateRequired"), unitId));
            flash.addFlashAttribute("notice", Pages.message(messages, "events.created", e.title()));
            return "redirect:/events";
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            return events(model, Pages.message(messages, e));
        }
    }

    @PostMapping("/events/{id}/participants")
    String participants(@PathVariable long id, @RequestParam(required = false) Long unitId,
                        @RequestParam(required = false) Integer participants, RedirectAttributes flash) {
        try {
            if (unitId == null) {
                throw new BusinessException("events.unitRequired");
            }
            events.report(id, unitId, participants);
            flash.addFlashAttribute("notice", Pages.message(messages, "events.participantsSaved"));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            flash.addFlashAttribute("error", Pages.message(messages, e));
        }
        return "redirect:/events";
    }

    @PostMapping("/events/{id}/cancel")
    String cancelEvent(@PathVariable long id, RedirectAttributes flash) {
        var e = events.cancel(id);
        flash.addFlashAttribute("notice", Pages.message(messages, "events.cancelledNotice", e.title()));
        return "redirect:/events";
    }
}
