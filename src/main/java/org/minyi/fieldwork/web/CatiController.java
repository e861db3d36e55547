package org.minyi.fieldwork.web;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.minyi.fieldwork.CatiCalls;
import org.minyi.fieldwork.CatiCalls.CallView;
import org.minyi.fieldwork.Disposition;
import org.minyi.fieldwork.Quotas;
import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.Dates;
import org.minyi.platform.web.Flash;
import org.minyi.survey.AnswerProblem;
import org.minyi.survey.InvalidAnswersException;
import org.minyi.survey.PageStep;
import org.minyi.survey.Questionnaire;
import org.minyi.survey.QuestionnairePage;
import org.minyi.survey.ResidenceDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The interviewer's console: next call, the call screen (script, number, quota, screening,
 * disposition) and the interview itself, on the same questionnaire engine as the web page.
 */
@Controller
@RequestMapping("/fieldwork/cati")
@PreAuthorize("hasAnyRole('INTERVIEWER','SURVEY_SUPERVISOR')")
class CatiController {

	private final CatiCalls calls;

	private final Quotas quotas;

	private final UnitManagement units;

	private final ResidenceDirectory residence;

	private final Flash flash;

	CatiController(CatiCalls calls, Quotas quotas, UnitManagement units, ResidenceDirectory residence, Flash flash) {
		this.calls = calls;
		this.quotas = quotas;
		this.units = units;
		this.residence = residence;
		this.flash = flash;
	}

	@GetMapping
	String console(Model model) {
		model.addAttribute("rounds", calls.callableRounds());
		return "fieldwork/cati-console";
	}

	@PostMapping("/rounds/{roundId}/next")
	String next(@PathVariable long roundId, RedirectAttributes redirect) {
		try {
			Optional<Long> next = calls.next(roundId, me());
			if (next.isPresent()) {
				return "redirect:/fieldwork/cati/calls/" + next.get();
			}
			flash.success(redirect, "fieldwork.call.noneDue");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/cati";
	}

	@GetMapping("/calls/{caseId}")
	String call(@PathVariable long caseId, Model model) {
		CallView call = calls.held(caseId, me());
		model.addAttribute("call", call);
		model.addAttribute("number", calls.number(caseId, me()).orElse(null));
		model.addAttribute("township", units.findById(call.townshipId()).orElseThrow());
		model.addAttribute("quotas", quotas.list(call.roundId()).stream().filter(c -> c.townshipId() == call.townshipId()).toList());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("ageGroups", AgeGroup.values());
		model.addAttribute("dispositions", Arrays.stream(Disposition.values()).filter(Disposition::recordable).toList());
		return "fieldwork/cati-call";
	}

	@PostMapping("/calls/{caseId}/screening")
	String screen(@PathVariable long caseId, @RequestParam Gender gender, @RequestParam AgeGroup ageGroup,
			RedirectAttributes redirect) {
		try {
			Quotas.Admission admission = calls.screen(caseId, me(), gender, ageGroup);
			if (admission == Quotas.Admission.FULL) {
				flash.success(redirect, "fieldwork.call.quotaFull");
				return "redirect:/fieldwork/cati";
			}
			if (admission == Quotas.Admission.OVER_SOFT_QUOTA) {
				flash.success(redirect, "fieldwork.call.overSoftQuota");
			}
			return "redirect:/fieldwork/cati/calls/" + caseId + "/interview";
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/fieldwork/cati/calls/" + caseId;
		}
	}

	@GetMapping("/calls/{caseId}/interview")
	String interview(@PathVariable long caseId, Model model) {
		return page(caseId, calls.interview(caseId, me()), List.of(), model);
	}

	@PostMapping("/calls/{caseId}/interview")
	String answer(@PathVariable long caseId, @RequestParam(defaultValue = "-1") int page,
			@RequestParam(defaultValue = "next") String move, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		try {
			// the engine takes only the answers to the page's own questions from the form
			PageStep step = calls.answer(caseId, me(), page, form, !"back".equals(move));
			if (step.submitted() != null) {
				flash.success(redirect, step.submitted().complete() ? "fieldwork.call.completed"
						: "fieldwork.call.screenedOut");
				return "redirect:/fieldwork/cati";
			}
			return page(caseId, step.questionnaire(), step.problems(), model);
		}
		catch (InvalidAnswersException e) {
			return page(caseId, calls.interview(caseId, me()), e.problems(), model);
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/fieldwork/cati/calls/" + caseId;
		}
	}

	@PostMapping("/calls/{caseId}/disposition")
	String record(@PathVariable long caseId, @RequestParam Disposition disposition,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointment,
			@RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean doNotCall,
			RedirectAttributes redirect) {
		try {
			calls.record(caseId, me(), disposition, appointment == null ? null : appointment.atZone(Dates.DISTRICT_ZONE).toInstant(), note,
					doNotCall);
			flash.success(redirect, "fieldwork.call.recorded");
			return "redirect:/fieldwork/cati";
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/fieldwork/cati/calls/" + caseId;
		}
	}

	private String page(long caseId, Questionnaire questionnaire, List<AnswerProblem> problems, Model model) {
		model.addAllAttributes(QuestionnairePage.attributes(questionnaire, problems, residence));
		model.addAttribute("call", calls.held(caseId, me()));
		return "fieldwork/cati-interview";
	}

	private static String me() {
		return CurrentUser.required().username();
	}
}
