package vn.binhdan.emulation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.emulation.AppraisalForm;
import vn.binhdan.emulation.CampaignForm;
import vn.binhdan.emulation.DecisionForm;
import vn.binhdan.emulation.Proposal;
import vn.binhdan.emulation.ProposalForm;
import vn.binhdan.emulation.ProposalStatus;
import vn.binhdan.emulation.RewardCampaign;
import vn.binhdan.emulation.RewardDecision;
import vn.binhdan.emulation.RewardForm;
import vn.binhdan.emulation.RewardProposals;
import vn.binhdan.emulation.YearEndReviews;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/** Commendation campaigns in the browser: proposals, appraisal, decisions and the annex download. */
@Controller
class RewardPages {

    private final RewardProposals rewards;
    private final YearEndReviews reviews;
    private final Units units;
    private final AnnexXlsx xlsx;
    private final MessageSource messages;
    private final ProposalLetterDocx letters;

    RewardPages(RewardProposals rewards, YearEndReviews reviews, Units units, AnnexXlsx xlsx, MessageSource messages,
                ProposalLetterDocx letters) {
        this.letters = letters;
        this.rewards = rewards;
        this.reviews = reviews;
        this.units = units;
        this.xlsx = xlsx;
        this.messages = messages;
    }

    @GetMapping("/emulation/campaigns")
    String list(Model model) {
        List<Unit> roots = reviews.roots();
        if (roots.isEmpty()) {
            throw new ForbiddenException("emulation.forbidden");
        }
        model.addAttribute("campaigns", rewards.campaigns());
        model.addAttribute("roots", roots);
        model.addAttribute("year", LocalDate.now().getYear());
        return "emulation/campaigns";
    }

    @PostMapping("/emulation/campaigns")
    String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String title,
                  @RequestParam(required = false) Integer year, RedirectAttributes flash) {
        try {
            RewardCampaign c = rewards.createCampaign(new CampaignForm(unitId, title, year));
            return "redirect:/emulation/campaigns/" + c.id();
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(refuseOutright(e)));
            return "redirect:/emulation/campaigns";
        }
    }

    @GetMapping("/emulation/campaigns/{id}")
    String campaign(@PathVariable long id, @RequestParam(required = false) Long unit, Model model) {
        RewardCampaign c = rewards.campaign(id);
        model.addAttribute("campaign", c);
        // the units the reader may propose for: their own grant roots inside the campaign's unit, and what lies under them
        List<Unit> proposers = new ArrayList<>();
        Unit campaignUnit = units.find(c.unitId()).orElseThrow();
        for (Unit root : reviews.roots()) {
            Unit top = root.isWithin(campaignUnit) ? root : campaignUnit.isWithin(root) ? campaignUnit : null;
            if (top != null) {
                units.subtree(top).stream().filter(u -> u.active() && u.type().administrative())
                        .filter(u -> proposers.stream().noneMatch(p -> p.id() == u.id())).forEach(proposers::add);
            }
        }
        model.addAttribute("proposers", proposers);
        model.addAttribute("forms", RewardForm.values());
        Long suggestFor = unit != null ? unit : proposers.isEmpty() ? null : proposers.getFirst().id();
        model.addAttribute("suggestions", suggestFor == null ? List.of()
                : rewards.suggestions(id, suggestFor, LocaleContextHolder.getLocale()));
        model.addAttribute("accepted", c.proposals().stream().filter(p -> p.status() == ProposalStatus.ACCEPTED)
                .map(Proposal::id).toList());
        model.addAttribute("today", LocalDate.now());
        // one proposal letter per unit that has sent proposals up
        java.util.Map<Long, String> letterUnits = new java.util.LinkedHashMap<>();
        c.proposals().stream().filter(p -> p.status() != ProposalStatus.DRAFT)
                .forEach(p -> letterUnits.putIfAbsent(p.proposerUnitId(), p.proposerUnitName()));
        model.addAttribute("letterUnits", letterUnits);
        model.addAttribute("criteria", rewards.criteria(id));
        return "emulation/campaign";
    }

    @PostMapping("/emulation/campaigns/{id}/proposals")
    String propose(@PathVariable long id, @RequestParam(required = false) Long proposerUnitId,
                   @RequestParam(required = false) Long candidateUnitId, @RequestParam(required = false) Long personId,
                   @RequestParam(required = false) RewardForm rewardForm, @RequestParam(required = false) String reason,
                   RedirectAttributes flash) {
        try {
            rewards.propose(id, new ProposalForm(proposerUnitId, candidateUnitId, personId, rewardForm, reason));
            flash.addFlashAttribute("notice", message("emulation.proposal.done"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(refuseOutright(e)));
        }
        return "redirect:/emulation/campaigns/" + id;
    }

    @PostMapping("/emulation/proposals/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes flash) {
        Proposal p = rewards.get(id);
        try {
            rewards.submit(id);
            flash.addFlashAttribute("notice", message("emulation.proposal.done"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(refuseOutright(e)));
        }
        return "redirect:/emulation/campaigns/" + p.campaignId();
    }

    @PostMapping("/emulation/proposals/{id}/appraisal")
    String appraise(@PathVariable long id, @RequestParam(required = false) Boolean accepted,
                    @RequestParam(required = false) String note, RedirectAttributes flash) {
        Proposal p = rewards.get(id);
        try {
            rewards.appraise(id, new AppraisalForm(accepted, note));
            flash.addFlashAttribute("notice", message("emulation.proposal.done"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(refuseOutright(e)));
        }
        return "redirect:/emulation/campaigns/" + p.campaignId();
    }

    @PostMapping("/emulation/campaigns/{id}/decisions")
    String decide(@PathVariable long id, @RequestParam(required = false) String number,
                  @RequestParam(required = false) LocalDate decidedOn,
                  @RequestParam(required = false) List<Long> proposalIds, RedirectAttributes flash) {
        try {
            rewards.decide(id, new DecisionForm(number, decidedOn, proposalIds));
            flash.addFlashAttribute("notice", message("emulation.proposal.done"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(refuseOutright(e)));
        }
        return "redirect:/emulation/campaigns/" + id;
    }

    @GetMapping("/emulation/campaigns/{id}/letter.docx")
    ResponseEntity<byte[]> letter(@PathVariable long id, @RequestParam long unit) {
        var letter = rewards.letter(id, unit);
        return ProposalLetterDocx.download(letters.write(letter), letter);
    }

    @GetMapping("/emulation/decisions/{id}/annex.xlsx")
    ResponseEntity<byte[]> annex(@PathVariable long id) {
        RewardDecision d = rewards.decision(id);
        return AnnexXlsx.download(xlsx.write(d, LocaleContextHolder.getLocale()), "phu-luc-" + d.id());
    }

    private static BusinessException refuseOutright(BusinessException e) {
        if (e instanceof ForbiddenException || e instanceof NotFoundException) {
            throw e;
        }
        return e;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String message(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
    }
}
