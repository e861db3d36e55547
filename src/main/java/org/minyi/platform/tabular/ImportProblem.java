package org.minyi.platform.tabular;

/**
 * Why a row (or, with row 0, the whole file) of an import was refused.
 *
 * @param row        row number as Excel shows it; 0 for the file as a whole
 * @param messageKey reason, as a message key
 */
public record ImportProblem(int row, String messageKey, Object... arguments) {
}
