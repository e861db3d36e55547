package org.minyi.fieldwork.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.fieldwork.QualityControl;
import org.minyi.fieldwork.QualityControl.Interview;
import org.minyi.fieldwork.QualityControl.VerificationOutcome;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.web.Dates;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.Percentages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quality control of a round's telephone interviews for supervisors: flagged interviews, the
 * interviewer comparison, the verification sample with its call-backs, and invalidation.
 */
@Controller
@RequestMapping("/fieldwork/rounds/{roundId}/qc")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR')")
class QualityControlController {

	/** Which interviews the page lists. */
	enum Show {

		ATTENTION(Interview::needsAttention), FLAGGED(i -> i.flagged() && !i.invalidated()), VERIFICATION(i -> i.verification() != null),
		INVALIDATED(Interview::invalidated), ALL(i -> true);

		private final Predicate<Interview> filter;

		Show(Predicate<Interview> filter) {
			this.filter = filter;
		}
	}

	private final QualityControl quality;

	private final CatiPages pages;

	private final Percentages percent;

	private final Dates dates;

	private final Flash flash;

	QualityControlController(QualityControl quality, CatiPages pages, Percentages percent, Dates dates, Flash flash) {
		this.quality = quality;
		this.pages = pages;
		this.percent = percent;
		this.dates = dates;
		this.flash = flash;
	}

	@GetMapping
	String review(@PathVariable long roundId, @RequestParam(defaultValue = "ATTENTION") String show, Model model) {
		Show shown = parse(show);
		QualityControl.Review review = quality.review(roundId);
		model.addAttribute("round", pages.round(roundId));
		model.addAttribute("review", review);
		model.addAttribute("shown", shown);
		model.addAttribute("shows", Show.values());
		model.addAttribute("interviews", review.interviews().stream().filter(shown.filter).toList());
		model.addAttribute("townshipNames", pages.townshipNames());
		return "fieldwork/qc";
	}

	@PostMapping("/verification")
	String draw(@PathVariable long roundId, RedirectAttributes redirect) {
		try {
			flash.success(redirect, "fieldwork.qc.done.drawn", quality.drawVerification(roundId));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/rounds/" + roundId + "/qc?show=VERIFICATION";
	}

	@PostMapping("/interviews/{attemptId}/verify")
	String addToVerification(@PathVariable long roundId, @PathVariable long attemptId, RedirectAttributes redirect) {
		try {
			quality.addToVerification(roundId, attemptId);
			flash.success(redirect, "fieldwork.qc.done.added");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/rounds/" + roundId + "/qc";
	}

	/** The verification call screen: what was recorded, the number (on request, audited), the outcome form. */
	@GetMapping("/interviews/{attemptId}")
	String verification(@PathVariable long roundId, @PathVariable long attemptId, Model model) {
		model.addAttribute("round", pages.round(roundId));
		model.addAttribute("interview", quality.interview(roundId, attemptId));
		model.addAttribute("townshipNames", pages.townshipNames());
		model.addAttribute("outcomes", VerificationOutcome.values());
		return "fieldwork/qc-interview";
	}

	@PostMapping("/interviews/{attemptId}/number")
	String number(@PathVariable long roundId, @PathVariable long attemptId, Model model) {
		model.addAttribute("number", quality.verificationNumber(roundId, attemptId).orElse(null));
		model.addAttribute("numberRevealed", true);
		return verification(roundId, attemptId, model);
	}

	@PostMapping("/interviews/{attemptId}/verification")
	String record(@PathVariable long roundId, @PathVariable long attemptId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			quality.recordVerification(roundId, attemptId, outcome(outcome), note);
			flash.success(redirect, "fieldwork.qc.done.recorded");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/fieldwork/rounds/" + roundId + "/qc/interviews/" + attemptId;
		}
		return "redirect:/fieldwork/rounds/" + roundId + "/qc?show=VERIFICATION";
	}

	@PostMapping("/interviews/{attemptId}/invalidate")
	String invalidate(@PathVariable long roundId, @PathVariable long attemptId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			quality.invalidate(roundId, attemptId, reason);
			flash.success(redirect, "fieldwork.qc.done.invalidated");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/rounds/" + roundId + "/qc/interviews/" + attemptId;
	}

	@GetMapping("/export")
	void export(@PathVariable long roundId, HttpServletResponse response, Locale locale) throws IOException {
		pages.round(roundId);
		Map<Long, String> names = pages.townshipNames();
		ExcelDownload.send(response, "cati-interviews", pages.text("fieldwork.qc.interviews", locale),
				List.of(pages.text("fieldwork.qc.interview", locale), pages.text("unit.name", locale), pages.text("fieldwork.productivity.interviewer", locale),
						pages.text("fieldwork.qc.endedAt", locale), pages.text("fieldwork.qc.minutes", locale), pages.text("fieldwork.qc.tooShort", locale),
						pages.text("fieldwork.qc.straightLined", locale), pages.text("fieldwork.qc.verification", locale),
						pages.text("fieldwork.qc.invalidated", locale)),
				export -> quality.review(roundId).interviews().forEach(i -> export.row(List.of(i.attemptId(),
						names.getOrDefault(i.townshipId(), "?"), i.interviewer(), dates.minute(i.endedAt()),
						i.seconds() == null ? "" : percent.decimal(i.seconds() / 60.0), yesNo(i.tooShort(), locale),
						yesNo(i.straightLined(), locale), verificationText(i, locale),
						i.invalidated() ? i.invalidationReason() : ""))));
	}

	@GetMapping("/export/interviewers")
	void exportInterviewers(@PathVariable long roundId, HttpServletResponse response, Locale locale) throws IOException {
		pages.round(roundId);
		ExcelDownload.send(response, "cati-interviewer-check", pages.text("fieldwork.qc.interviewers", locale),
				List.of(pages.text("fieldwork.productivity.interviewer", locale), pages.text("fieldwork.qc.validInterviews", locale),
						pages.text("fieldwork.qc.meanScore", locale), pages.text("fieldwork.qc.othersMean", locale), pages.text("fieldwork.qc.pValue", locale),
						pages.text("fieldwork.qc.outlier", locale), pages.text("fieldwork.qc.tooShort", locale), pages.text("fieldwork.qc.straightLined", locale),
						pages.text("fieldwork.qc.outcome.NOT_CONFIRMED", locale), pages.text("fieldwork.qc.invalidated", locale)),
				export -> quality.review(roundId).interviewers().forEach(c -> export.row(List.of(c.interviewer(), c.interviews(),
						percent.decimal(c.meanScore()), percent.decimal(c.othersMeanScore()),
						c.pValue() == null ? "" : c.pValue(), yesNo(c.outlier(), locale),
						c.tooShort(), c.straightLined(), c.notConfirmed(), c.invalidated()))));
	}

	private String verificationText(Interview interview, Locale locale) {
		if (interview.verification() == null) {
			return "";
		}
		return interview.verification().outcome() == null ? pages.text("fieldwork.qc.pending", locale)
				: pages.text(interview.verification().outcome().messageKey(), locale);
	}

	private String yesNo(boolean value, Locale locale) {
		return value ? pages.text("action.yes", locale) : "";
	}

	private static Show parse(String show) {
		try {
			return Show.valueOf(show);
		}
		catch (IllegalArgumentException e) {
			return Show.ATTENTION;
		}
	}

	private static VerificationOutcome outcome(String outcome) {
		try {
			return outcome == null ? null : VerificationOutcome.valueOf(outcome);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}



}
