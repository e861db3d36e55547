package org.minyi.platform.tabular;

import java.util.List;

/**
 * One data row of an uploaded table.
 *
 * @param number         the row number a user sees in Excel (header is row 1)
 * @param cells          trimmed cell texts, empty string for an empty cell
 * @param formulaColumns zero-based columns that held a formula (or text that a spreadsheet would
 *                       run as one); imports refuse such rows
 */
public record TabularRow(int number, List<String> cells, List<Integer> formulaColumns) {

	public TabularRow {
		cells = List.copyOf(cells);
		formulaColumns = List.copyOf(formulaColumns);
	}

	public String cell(int column) {
		return column >= 0 && column < cells.size() ? cells.get(column) : "";
	}

	public boolean isBlank() {
		return cells.stream().allMatch(String::isEmpty);
	}

	public boolean hasFormula() {
		return !formulaColumns.isEmpty();
	}

	/** Text a spreadsheet would evaluate when the value is opened (CSV/formula injection). */
	static boolean looksLikeFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		if (first == '=' || first == '@') {
			return true;
		}
		if ((first == '+' || first == '-') && text.length() > 1) {
			char second = text.charAt(1);
			return !Character.isDigit(second) && second != ' ' && second != '.';
		}
		return false;
	}
}
