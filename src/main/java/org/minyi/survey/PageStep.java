package org.minyi.survey;

import java.util.List;

/**
 * The result of answering one page.
 *
 * @param questionnaire where the respondent stands now: answers saved, page to show next (the same
 *                      page when it has problems)
 * @param submitted     set when this step submitted the response
 */
public record PageStep(Questionnaire questionnaire, List<AnswerProblem> problems, Submission submitted) {

	public int page() {
		return questionnaire.page();
	}
}
