package org.minyi.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A respondent's answers by question id: option codes for choice questions, unit codes for the
 * residence questions, one text for open questions. Unanswered questions are absent.
 */
public final class Answers {

	private final Map<String, List<String>> values;

	private Answers(Map<String, List<String>> values) {
		this.values = values;
	}

	public static Answers of(Map<String, List<String>> values) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		values.forEach((question, given) -> {
			List<String> kept = given == null ? List.of() : given.stream().filter(v -> v != null && !v.isBlank()).toList();
			if (!kept.isEmpty()) {
				copy.put(question, kept);
			}
		});
		return new Answers(copy);
	}

	public List<String> get(String question) {
		return values.getOrDefault(question, List.of());
	}

	public boolean has(String question) {
		return values.containsKey(question);
	}

	public Set<String> questions() {
		return values.keySet();
	}

	/** The answers as a map in question order, for storage and editing. */
	public Map<String, List<String>> asMap() {
		return new LinkedHashMap<>(values);
	}
}
