package vn.binhdan.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.reporting.DueRule;
import vn.binhdan.reporting.FormSetup;
import vn.binhdan.reporting.InvalidReport;
import vn.binhdan.reporting.Period;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.unit.UnitType;

/**
 * The province's form set-up pages: the list of its forms, and one page to make or edit a form
 * that works without script (the due rule as a kind, a day and, for a fixed date, a month).
 */
@Controller
class FormPages {

    /** The unit types a form can be filed by, in the order of the tree. */
    static final List<UnitType> LEVELS = List.of(UnitType.PROVINCE, UnitType.DISTRICT, UnitType.COMMUNE, UnitType.WARD,
            UnitType.SPECIAL_ZONE);

    /**
     * The page's fields as typed (or as the form stands): strings, so that a refused value comes
     * back as the user wrote it. The level rule is the province's own (to its People's Committee).
     */
    record Values(String code, String nameVi, String nameEn, String periodType, String dueKind, String dueMonth,
                  String dueDay, String provinceDueKind, String provinceDueMonth, String provinceDueDay,
                  List<String> reporters, List<String> indicators, List<String> sections, String reminderDays) {

        static Values blank() {
            return new Values("", "", "", "YEAR", "FIXED_DATE", "12", "10", "", "", "",
                    List.of("PROVINCE", "COMMUNE", "WARD", "SPECIAL_ZONE"), List.of(),
                    List.of("RESULTS", "GOOD_MODELS", "DIFFICULTIES", "PROPOSALS"), "7, 1");
        }

        static Values of(ReportForm f) {
            DueRule p = f.levelDueRules().get(UnitType.PROVINCE);
            return new Values(f.code(), f.nameVi(), f.nameEn(), f.periodType().name(), f.dueRule().kind().name(),
                    month(f.dueRule()), Integer.toString(f.dueRule().day()), p == null ? "" : p.kind().name(),
                    p == null ? "" : month(p), p == null ? "" : Integer.toString(p.day()),
                    f.reporters().stream().map(Enum::name).toList(), f.indicatorCodes(),
                    f.sections().stream().map(Enum::name).toList(),
                    String.join(", ", f.reminderDays().stream().map(String::valueOf).toList()));
        }

        static Values read(MultiValueMap<String, String> p, String code) {
            return new Values(code != null ? code : first(p, "code"), first(p, "nameVi"), first(p, "nameEn"),
                    first(p, "periodType"), first(p, "dueKind"), first(p, "dueMonth"), first(p, "dueDay"),
                    first(p, "provinceDueKind"), first(p, "provinceDueMonth"), first(p, "provinceDueDay"),
                    list(p, "reporters"), list(p, "indicators"), list(p, "sections"), first(p, "reminderDays"));
        }

        private static String month(DueRule r) {
            return r.kind() == DueRule.Kind.FIXED_DATE ? Integer.toString(r.month()) : "";
        }

        private static String first(MultiValueMap<String, String> p, String name) {
            String v = p.getFirst(name);
            return v == null ? "" : v.strip();
        }

        private static List<String> list(MultiValueMap<String, String> p, String name) {
            List<String> v = p.get(name);
            return v == null ? List.of() : v;
        }
    }

    private final FormSetup setup;
    private final Indicators indicators;
    private final MessageSource messages;

    FormPages(FormSetup setup, Indicators indicators, MessageSource messages) {
        this.setup = setup;
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/reports/forms")
    String index(Model model) {
        model.addAttribute("forms", setup.editable());
        return "reports/forms";
    }

    @GetMapping("/reports/forms/new")
    String blank(Model model) {
        setup.editable();
        return page(model, null, Values.blank(), List.of());
    }

    @PostMapping("/reports/forms")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        Values v = Values.read(params, null);
        List<ReportPages.Problem> problems = new ArrayList<>();
        FormSetup.FormRequest request = request(v, problems);
        if (problems.isEmpty()) {
            try {
                ReportForm form = setup.create(request);
                flash.addFlashAttribute("notice", message("form.created", form.code()));
                return "redirect:/reports/forms/" + form.code();
            } catch (InvalidReport e) {
                problems.addAll(problems(e));
            } catch (BusinessException e) {
                if (e.status() != 400 && e.status() != 409) {
                    throw e;
                }
                problems.add(new ReportPages.Problem("code", message(e.messageKey(), e.args())));
            }
        }
        response.setStatus(400);
        return page(model, null, v, problems);
    }

    @GetMapping("/reports/forms/{code}")
    String edit(@PathVariable String code, Model model) {
        FormSetup.FormDetail detail = setup.detail(code);
        model.addAttribute("detail", detail);
        return page(model, detail.form(), Values.of(detail.form()), List.of());
    }

    @PostMapping("/reports/forms/{code}")
    String update(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        FormSetup.FormDetail detail = setup.detail(code);
        Values v = Values.read(params, detail.form().code());
        List<ReportPages.Problem> problems = new ArrayList<>();
        FormSetup.FormRequest request = request(v, problems);
        if (problems.isEmpty()) {
            try {
                ReportForm form = setup.update(code, request);
                flash.addFlashAttribute("notice", message("form.updated", form.version()));
                return "redirect:/reports/forms/" + form.code();
            } catch (InvalidReport e) {
                problems.addAll(problems(e));
            }
        }
        response.setStatus(400);
        model.addAttribute("detail", detail);
        return page(model, detail.form(), v, problems);
    }

    /** The typed fields as the service takes them; numbers that are not numbers are refused here. */
    private FormSetup.FormRequest request(Values v, List<ReportPages.Problem> problems) {
        String due = rule(v.dueKind(), v.dueMonth(), v.dueDay(), "dueRule", problems);
        Map<String, String> levels = new LinkedHashMap<>();
        if (!v.provinceDueKind().isEmpty()) {
            levels.put(UnitType.PROVINCE.name(), rule(v.provinceDueKind(), v.provinceDueMonth(), v.provinceDueDay(),
                    "due-PROVINCE", problems));
        }
        List<Integer> reminders = new ArrayList<>();
        for (String d : v.reminderDays().split("[,;\\s]+")) {
            if (d.isEmpty()) {
                continue;
            }
            try {
                reminders.add(Integer.valueOf(d));
            } catch (NumberFormatException e) {
                problems.add(new ReportPages.Problem("reminderDays", message("form.reminderDays.number")));
                break;
            }
        }
        return new FormSetup.FormRequest(v.code(), v.nameVi(), v.nameEn(), v.periodType(), due, levels, v.reporters(),
                v.indicators(), v.sections(), reminders, null);
    }

    private String rule(String kind, String month, String day, String field, List<ReportPages.Problem> problems) {
        if (!day.matches("\\d{1,2}") || ("FIXED_DATE".equals(kind) && !month.matches("\\d{1,2}"))) {
            problems.add(new ReportPages.Problem(field, message("form.due.dayNumber")));
            return "";
        }
        return "FIXED_DATE".equals(kind) ? kind + " " + month + "-" + day : kind + " " + day;
    }

    private String page(Model model, ReportForm form, Values values, List<ReportPages.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("v", values);
        model.addAttribute("catalogue", indicators.all());
        model.addAttribute("levels", LEVELS);
        model.addAttribute("periodTypes", Period.Type.values());
        model.addAttribute("kinds", DueRule.Kind.values());
        model.addAttribute("sectionList", ReportForm.Section.values());
        model.addAttribute("problems", problems);
        Map<String, String> byField = new LinkedHashMap<>();
        problems.stream().filter(p -> p.field() != null).forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        model.addAttribute("fieldErrors", byField);
        return "reports/form";
    }

    private List<ReportPages.Problem> problems(InvalidReport e) {
        return e.errors().stream().map(f -> new ReportPages.Problem(f.field(), message(f.messageKey(), f.args()))).toList();
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
