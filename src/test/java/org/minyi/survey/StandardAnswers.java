package org.minyi.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A complete, valid set of answers to the standard instrument, to vary per test. */
public final class StandardAnswers {

	private StandardAnswers() {
	}

	public static Map<String, List<String>> complete() {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		answers.put("S1", List.of("YES"));
		answers.put("S2", List.of("YES"));
		answers.put("S3", List.of("YJCG"));
		answers.put("S4", List.of("YJCG02"));
		answers.put("Q1", List.of("SAFE"));
		answers.put("Q2", List.of("BETTER"));
		for (String q : List.of("Q3", "Q4", "Q5", "Q6", "Q7")) {
			answers.put(q, List.of("SATISFIED"));
		}
		answers.put("Q8", List.of("KNOW"));
		answers.put("Q9", List.of("DID_NOT"));
		answers.put("Q10", List.of("OFTEN"));
		answers.put("Q11", List.of("NEVER_HAD"));
		answers.put("D1", List.of("FEMALE"));
		answers.put("D2", List.of("AGE_45_59"));
		return answers;
	}

	public static Map<String, List<String>> with(String question, String... values) {
		Map<String, List<String>> answers = complete();
		answers.put(question, List.of(values));
		return answers;
	}
}
