package org.minyi.survey;

/**
 * Why a set of answers is not acceptable for an instrument.
 *
 * @param question   the question concerned
 * @param messageKey reason as a message key, e.g. {@code answer.error.required}
 */
public record AnswerProblem(String question, String messageKey) {
}
