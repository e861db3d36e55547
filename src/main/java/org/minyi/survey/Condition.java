package org.minyi.survey;

import java.util.List;
import java.util.Set;

/** Show a question only when an earlier question was answered with one of the given options. */
public record Condition(String question, Set<String> anyOf) {

	public Condition {
		anyOf = Set.copyOf(anyOf);
	}

	public boolean holds(Answers answers) {
		List<String> given = answers.get(question);
		return given.stream().anyMatch(anyOf::contains);
	}
}
