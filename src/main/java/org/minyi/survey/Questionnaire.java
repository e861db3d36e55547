package org.minyi.survey;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a respondent stands in a round's questionnaire: the instrument, the answers saved so far
 * and the page (section index) to show.
 *
 * @param answered the invitation or device has already submitted a response
 * @param open     the round takes web responses now
 */
public record Questionnaire(long roundId, String roundName, InstrumentDefinition definition, Answers answers, int page,
		Instant startedAt, boolean answered, boolean open) {

	/** The same questionnaire after a page was answered. */
	Questionnaire at(Answers newAnswers, int newPage, Instant newStartedAt) {
		return new Questionnaire(roundId, roundName, definition, newAnswers, newPage, newStartedAt, answered, open);
	}

	/** Indexes of the sections that have at least one question to show, given the answers. */
	public List<Integer> pages() {
		return pages(definition, answers);
	}

	static List<Integer> pages(InstrumentDefinition definition, Answers answers) {
		return IntStream.range(0, definition.sections().size())
			.filter(i -> definition.sections().get(i).questions().stream().anyMatch(q -> q.isShown(answers)))
			.boxed()
			.toList();
	}
}
