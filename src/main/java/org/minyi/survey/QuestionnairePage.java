package org.minyi.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a page of the questionnaire template needs — for the resident's web page and the
 * interviewer's CATI screen alike: the questionnaire, the section shown, progress, the problems by
 * question, and the residence lists of the township and community questions.
 */
public final class QuestionnairePage {

	private static final String FOLLOW_UP = "answer.error.followUp";

	private QuestionnairePage() {
	}

	public static Map<String, Object> attributes(Questionnaire questionnaire, List<AnswerProblem> problems,
			ResidenceDirectory residence) {
		int page = questionnaire.page();
		List<Integer> pages = questionnaire.pages();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("q", questionnaire);
		model.put("page", page);
		model.put("section", questionnaire.definition().sections().get(page));
		model.put("pageNumber", pages.indexOf(page) + 1);
		model.put("pageCount", pages.size());
		model.put("last", pages.indexOf(page) == pages.size() - 1);
		model.put("problems", problems.stream()
			.collect(Collectors.toMap(AnswerProblem::question, AnswerProblem::messageKey, (a, b) -> a)));
		model.put("onlyFollowUps", problems.stream().allMatch(p -> p.messageKey().equals(FOLLOW_UP)));
		model.put("townships", residence.townships());
		model.put("communities", residence.communitiesByTownship());
		return model;
	}
}
