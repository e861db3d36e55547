package org.minyi.survey.instrumentfile;

/**
 * Why an instrument file was refused.
 *
 * @param where      where in the file, e.g. {@code Q1a} or {@code composites[OVERALL]}; or a line number
 * @param messageKey reason as a message key, e.g. {@code instrument.error.duplicateQuestion}
 */
public record InstrumentProblem(String where, String messageKey, Object... arguments) {
}
