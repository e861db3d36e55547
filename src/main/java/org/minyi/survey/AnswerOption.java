package org.minyi.survey;

/**
 * One option of a question (STATISTICS.md §1).
 *
 * @param code          stable identifier stored in responses, e.g. {@code VERY_SAFE}
 * @param label         text shown to the respondent
 * @param points        0–100, or null for an option that carries no points (don't know)
 * @param valid         whether the answer counts in indicators ("don't know" does not)
 * @param positive      whether the answer counts as positive in rate indicators
 * @param endsInterview a screening answer that makes the respondent not eligible
 */
public record AnswerOption(String code, String label, Integer points, boolean valid, boolean positive,
		boolean endsInterview) {
}
