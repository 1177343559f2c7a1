package vn.binhdan.emulation.web;

import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.emulation.AppraisalForm;
import vn.binhdan.emulation.CampaignForm;
import vn.binhdan.emulation.DecisionForm;
import vn.binhdan.emulation.Proposal;
import vn.binhdan.emulation.ProposalForm;
import vn.binhdan.emulation.Reward;
import vn.binhdan.emulation.RewardCampaign;
import vn.binhdan.emulation.RewardDecision;
import vn.binhdan.emulation.RewardCriteria;
import vn.binhdan.emulation.RewardProposals;
import vn.binhdan.emulation.Suggestion;

/** Commendation campaigns from an app or the province's integration platform. */
@RestController
@RequestMapping("/api/v1")
class RewardApi {

    private final RewardProposals rewards;
    private final AnnexXlsx xlsx;
    private final ProposalLetterDocx letters;

    RewardApi(RewardProposals rewards, AnnexXlsx xlsx, ProposalLetterDocx letters) {
        this.letters = letters;
        this.rewards = rewards;
        this.xlsx = xlsx;
    }

    @PostMapping("/reward-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    RewardCampaign create(@RequestBody CampaignForm form) {
        return rewards.createCampaign(form);
    }

    @GetMapping("/reward-campaigns")
    List<RewardCampaign> list() {
        return rewards.campaigns();
    }

    @GetMapping("/reward-campaigns/{id}")
    RewardCampaign get(@PathVariable long id) {
        return rewards.campaign(id);
    }

    @GetMapping("/reward-campaigns/{id}/suggestions")
    List<Suggestion> suggestions(@PathVariable long id, @RequestParam long unitId) {
        return rewards.suggestions(id, unitId, LocaleContextHolder.getLocale());
    }

    @PostMapping("/reward-campaigns/{id}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    Proposal propose(@PathVariable long id, @RequestBody ProposalForm form) {
        return rewards.propose(id, form);
    }

    @GetMapping("/reward-proposals/{id}")
    Proposal proposal(@PathVariable long id) {
        return rewards.get(id);
    }

    @PostMapping("/reward-proposals/{id}/submit")
    Proposal submit(@PathVariable long id) {
        return rewards.submit(id);
    }

    @PostMapping("/reward-proposals/{id}/appraisal")
    Proposal appraise(@PathVariable long id, @RequestBody AppraisalForm form) {
        return rewards.appraise(id, form);
    }

    @PostMapping("/reward-campaigns/{id}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    RewardDecision decide(@PathVariable long id, @RequestBody DecisionForm form) {
        return rewards.decide(id, form);
    }

    @GetMapping("/reward-campaigns/{id}/criteria")
    RewardCriteria criteria(@PathVariable long id) {
        return rewards.criteria(id);
    }

    /** The criteria proposals are checked against, e.g. at least 80 % of targets met; the appraiser sets them. */
    @PutMapping("/reward-campaigns/{id}/criteria")
    RewardCriteria setCriteria(@PathVariable long id, @RequestBody RewardCriteria form) {
        return rewards.setCriteria(id, form);
    }

    /** The unit's proposal letter (tờ trình) with the list of what it sent up, as DOCX. */
    @GetMapping("/reward-campaigns/{id}/letter.docx")
    ResponseEntity<byte[]> letter(@PathVariable long id, @RequestParam long unitId) {
        var letter = rewards.letter(id, unitId);
        return ProposalLetterDocx.download(letters.write(letter), letter);
    }

    @GetMapping("/reward-decisions/{id}")
    RewardDecision decision(@PathVariable long id) {
        return rewards.decision(id);
    }

    @GetMapping("/reward-decisions/{id}/annex.xlsx")
    ResponseEntity<byte[]> annex(@PathVariable long id) {
        RewardDecision d = rewards.decision(id);
        return AnnexXlsx.download(xlsx.write(d, LocaleContextHolder.getLocale()), "phu-luc-" + d.id());
    }

    @GetMapping("/persons/{id}/rewards")
    List<Reward> personRewards(@PathVariable long id) {
        return rewards.rewardsOfPerson(id);
    }

    @GetMapping("/units/{id}/rewards")
    List<Reward> unitRewards(@PathVariable long id) {
        return rewards.rewardsOfUnit(id);
    }
}
