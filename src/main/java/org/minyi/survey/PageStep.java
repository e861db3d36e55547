package org.minyi.survey;

import java.util.List;

/**
 * The result of answering one page.
 *
 * @param page      the page to show next (the same page when it has problems)
 * @param submitted set when this step submitted the response
 */
public record PageStep(Answers answers, int page, List<AnswerProblem> problems, ResponseOutcome submitted) {
}
