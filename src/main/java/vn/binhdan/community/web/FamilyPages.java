package vn.binhdan.community.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.community.Families;
import vn.binhdan.community.Markets;
import vn.binhdan.shared.BusinessException;

/** Digital families of a unit with the households ready to be declared, and the digital markets. */
@Controller
class FamilyPages {

    private final Families families;
    private final Markets markets;
    private final PageSupport pages;

    FamilyPages(Families families, Markets markets, PageSupport pages) {
        this.families = families;
        this.markets = markets;
        this.pages = pages;
    }

    @GetMapping("/families")
    String list(@RequestParam(required = false) Long unitId, Model model) {
        model.addAttribute("units", families.scopeUnits());
        model.addAttribute("list", families.list(unitId));
        model.addAttribute("markets", markets.list());
        return "families/list";
    }

    @PostMapping("/families")
    String declare(@RequestParam(required = false) String personId, @RequestParam(required = false) Long unitId,
                   RedirectAttributes flash) {
        try {
            var f = families.declare(PageSupport.id(personId), null);
            flash.addFlashAttribute("notice", pages.message("family.declared", f.householdCode(), f.guideName()));
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
        }
        return "redirect:/families" + (unitId == null ? "" : "?unitId=" + unitId);
    }

    @PostMapping("/markets")
    String createMarket(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String name,
                        RedirectAttributes flash) {
        try {
            var m = markets.create(unitId, name);
            flash.addFlashAttribute("notice", pages.message("market.created", m.name()));
            return "redirect:/markets/" + m.id();
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
            return "redirect:/families#markets";
        }
    }

    @GetMapping("/markets/{id}")
    String market(@PathVariable long id, Model model) {
        model.addAttribute("market", markets.get(id));
        model.addAttribute("criteria", markets.criteria());
        return "families/market";
    }

    @PostMapping("/markets/{id}/traders")
    String addTrader(@PathVariable long id, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String stall, @RequestParam(required = false) String personId,
                     RedirectAttributes flash) {
        try {
            var t = markets.addTrader(id, name, stall, PageSupport.id(personId));
            flash.addFlashAttribute("notice", pages.message("market.traderAdded", t.name()));
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
        }
        return "redirect:/markets/" + id;
    }

    @PostMapping("/markets/{id}/traders/{traderId}")
    String check(@PathVariable long id, @PathVariable long traderId,
                 @RequestParam(name = "met", required = false) List<String> met, RedirectAttributes flash) {
        try {
            var t = markets.check(id, traderId, met);
            flash.addFlashAttribute("notice", pages.message("market.checked", t.name()));
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
        }
        return "redirect:/markets/" + id + "#trader-" + traderId;
    }
}
