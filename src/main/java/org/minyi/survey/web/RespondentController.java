package org.minyi.survey.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.survey.AnswerProblem;
import org.minyi.survey.InvalidAnswersException;
import org.minyi.survey.PageStep;
import org.minyi.survey.Questionnaire;
import org.minyi.survey.QuestionnairePage;
import org.minyi.survey.RespondentEntry;
import org.minyi.survey.ResidenceDirectory;
import org.minyi.survey.ResponseIntake;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The residents' questionnaire (H5): server-rendered pages without JavaScript, one section per
 * page, answers saved on every page so the same link resumes where the respondent left. Reached
 * with an invitation token ({@code /s/<token>}) or, when the round allows it, the open link
 * ({@code /s/open/<round>}), where a random cookie identifies the device. Public: the token or the
 * device cookie is the credential, so there is no session and no CSRF token (the cookie is
 * {@code SameSite=Lax}, so other sites cannot post with it).
 */
@Controller
@RequestMapping("/s")
class RespondentController {

	static final String DEVICE_COOKIE = "minyi_device";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ResponseIntake intake;

	private final ResidenceDirectory residence;

	private final OpenLinkThrottle throttle;

	RespondentController(ResponseIntake intake, ResidenceDirectory residence, OpenLinkThrottle throttle) {
		this.intake = intake;
		this.residence = residence;
		this.throttle = throttle;
	}

	@GetMapping("/{token}")
	String invited(@PathVariable String token, @RequestParam(required = false) String done, Model model) {
		return show(intake.byToken(token), "/s/" + token, done != null, model);
	}

	@PostMapping("/{token}")
	String answerInvited(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model) {
		return answer(intake.byToken(token), "/s/" + token, form, model);
	}

	@GetMapping("/open/{roundId}")
	String openLink(@PathVariable long roundId, @CookieValue(name = DEVICE_COOKIE, required = false) String device,
			@RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!wellFormedDevice(device)) {
			device = newDevice(request, response);
		}
		return show(intake.byOpenLink(roundId, device), "/s/open/" + roundId, done != null, model);
	}

	@PostMapping("/open/{roundId}")
	String answerOpenLink(@PathVariable long roundId, @CookieValue(name = DEVICE_COOKIE, required = false) String device,
			@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
		if (!wellFormedDevice(device)) {
			return "redirect:/s/open/" + roundId;
		}
		throttle.check(request.getRemoteAddr(), roundId);
		return answer(intake.byOpenLink(roundId, device), "/s/open/" + roundId, form, model);
	}

	private String show(RespondentEntry entry, String link, boolean justSubmitted, Model model) {
		Questionnaire questionnaire = intake.open(entry);
		model.addAttribute("q", questionnaire);
		model.addAttribute("link", link);
		if (questionnaire.answered()) {
			model.addAttribute("justSubmitted", justSubmitted);
			return "survey/respond-done";
		}
		if (!questionnaire.open()) {
			return "survey/respond-closed";
		}
		return page(questionnaire, List.of(), model);
	}

	private String answer(RespondentEntry entry, String link, MultiValueMap<String, String> form, Model model) {
		int page = parsePage(form.getFirst("page"));
		boolean forward = !"back".equals(form.getFirst("move"));
		Map<String, List<String>> given = new LinkedHashMap<>(form);
		List.of("page", "move").forEach(given::remove);
		model.addAttribute("link", link);
		try {
			PageStep step = intake.answerPage(entry, page, given, forward);
			if (step.submitted() != null) {
				return "redirect:" + link + "?done=" + (step.submitted().complete() ? "complete" : "screened");
			}
			return page(step.questionnaire(), step.problems(), model);
		}
		catch (InvalidAnswersException e) {
			Questionnaire after = intake.open(entry);
			return page(after, e.problems(), model);
		}
		catch (BusinessRuleException e) {
			return "redirect:" + link;
		}
	}

	private String page(Questionnaire questionnaire, List<AnswerProblem> problems, Model model) {
		model.addAllAttributes(QuestionnairePage.attributes(questionnaire, problems, residence));
		return "survey/respond";
	}

	private static int parsePage(String page) {
		try {
			return page == null ? -1 : Integer.parseInt(page);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static boolean wellFormedDevice(String device) {
		return device != null && device.matches("[A-Za-z0-9_-]{22}");
	}

	private static String newDevice(HttpServletRequest request, HttpServletResponse response) {
		byte[] bits = new byte[16];
		RANDOM.nextBytes(bits);
		String device = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
		ResponseCookie cookie = ResponseCookie.from(DEVICE_COOKIE, device)
			.path("/s/open")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.maxAge(Duration.ofDays(365))
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		return device;
	}

	@ExceptionHandler(RecordNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownLink() {
		return "survey/respond-invalid";
	}

	@ExceptionHandler(OpenLinkThrottle.TooManyRequests.class)
	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	String tooMany() {
		return "survey/respond-busy";
	}
}
