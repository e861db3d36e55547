package org.minyi.survey.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.minyi.survey.Answers;
import org.minyi.survey.InvalidAnswersException;
import org.minyi.survey.Mode;
import org.minyi.survey.ResponseIntake;
import org.minyi.survey.ResponseOutcome;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public submission of a whole response with an invitation token (mobile clients, load tests).
 * The token is the credential; a token that has answered gets 409, answers that do not fit the
 * instrument get 400 with every problem, and then nothing is stored.
 */
@RestController
@RequestMapping("/api/v1/public/responses")
class ResponseApiController {

	private final ResponseIntake intake;

	private final MessageSource messages;

	ResponseApiController(ResponseIntake intake, MessageSource messages) {
		this.intake = intake;
		this.messages = messages;
	}

	/**
	 * @param answers   option codes (unit codes for residence questions, one text for open ones) by question id
	 * @param startedAt when the respondent started, if the client knows
	 */
	record Submission(String token, Map<String, List<String>> answers, Instant startedAt) {
	}

	record Submitted(ResponseOutcome outcome) {
	}

	@Operation(summary = "Submit a complete response with a single-use invitation token")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Submitted submit(@RequestBody Submission submission) {
		Map<String, List<String>> answers = submission.answers() == null ? Map.of() : submission.answers();
		return new Submitted(intake.submitWithToken(submission.token(), Answers.of(answers), Mode.WEB, submission.startedAt()).outcome());
	}

	record Problem(String question, String message) {
	}

	@ExceptionHandler(InvalidAnswersException.class)
	ProblemDetail invalid(InvalidAnswersException e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("response.error.invalid", null, locale));
		problem.setType(URI.create("about:blank"));
		problem.setProperty("problems", e.problems().stream()
			.map(p -> new Problem(p.question(), messages.getMessage(p.messageKey(), null, locale)))
			.toList());
		return problem;
	}
}
