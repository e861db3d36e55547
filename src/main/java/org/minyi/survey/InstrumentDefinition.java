package org.minyi.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content of one instrument version: sections of questions and the composites built from
 * their indicators. Immutable; checks a respondent's answers against itself.
 */
public record InstrumentDefinition(String code, String title, String introduction, List<Section> sections,
		List<Composite> composites) {

	/** Longest accepted open-text answer, in characters. */
	public static final int MAX_TEXT = 2000;

	public InstrumentDefinition {
		sections = List.copyOf(sections);
		composites = composites == null ? List.of() : List.copyOf(composites);
	}

	public List<Question> questions() {
		return sections.stream().flatMap(s -> s.questions().stream()).toList();
	}

	/** The first question whose option codes are exactly {@code codes} (e.g. the gender or age-group question). */
	public Optional<Question> questionWithOptions(Set<String> codes) {
		return questions().stream()
			.filter(q -> q.options().stream().map(AnswerOption::code).collect(Collectors.toSet()).equals(codes))
			.findFirst();
	}

	public Optional<Question> question(String id) {
		return questions().stream().filter(q -> q.id().equals(id)).findFirst();
	}

	/**
	 * The options a display condition names, as respondents read them and in the question's order
	 * (the codes themselves where the question is not in this instrument).
	 */
	public List<String> optionLabels(Condition condition) {
		return question(condition.question())
			.map(q -> q.options().stream().filter(o -> condition.anyOf().contains(o.code())).map(AnswerOption::label).toList())
			.orElseGet(() -> condition.anyOf().stream().sorted().toList());
	}

	/** A respondent who gave a screening answer that ends the interview is not eligible. */
	public boolean screenedOut(Answers answers) {
		return questions().stream()
			.filter(q -> q.type().hasFixedOptions() && q.isShown(answers))
			.anyMatch(q -> answers.get(q.id()).stream().anyMatch(code -> q.option(code).map(AnswerOption::endsInterview).orElse(false)));
	}

	/**
	 * What is wrong with the answers. With {@code complete}, every shown required question must
	 * be answered (unless the respondent was screened out); otherwise partial answers are fine.
	 */
	List<AnswerProblem> check(Answers answers, boolean complete, ResidenceCheck residence) {
		List<AnswerProblem> problems = new ArrayList<>();
		for (String id : answers.questions()) {
			Optional<Question> question = question(id);
			if (question.isEmpty()) {
				problems.add(new AnswerProblem(id, "answer.error.unknownQuestion"));
			}
			else if (!question.get().isShown(answers)) {
				problems.add(new AnswerProblem(id, "answer.error.hiddenQuestion"));
			}
			else {
				checkValues(question.get(), answers, residence, problems);
			}
		}
		if (complete && !screenedOut(answers)) {
			questions().stream()
				.filter(q -> q.required() && q.isShown(answers) && !answers.has(q.id()))
				.forEach(q -> problems.add(new AnswerProblem(q.id(), "answer.error.required")));
		}
		return problems;
	}

	private static void checkValues(Question question, Answers answers, ResidenceCheck residence,
			List<AnswerProblem> problems) {
		List<String> values = answers.get(question.id());
		if (question.type() != QuestionType.MULTIPLE && values.size() > 1) {
			problems.add(new AnswerProblem(question.id(), "answer.error.singleValue"));
			return;
		}
		for (String value : values) {
			boolean accepted = switch (question.type()) {
				case SINGLE, MULTIPLE -> question.option(value).isPresent();
				case TEXT -> value.length() <= MAX_TEXT;
				case TOWNSHIP, COMMUNITY -> residence.accepts(question, value, answers);
			};
			if (!accepted) {
				problems.add(new AnswerProblem(question.id(),
						question.type() == QuestionType.TEXT ? "answer.error.textTooLong" : "answer.error.unknownOption"));
				return;
			}
		}
	}
}
