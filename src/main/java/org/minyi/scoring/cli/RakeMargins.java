package org.minyi.scoring.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minyi.platform.tabular.TabularRow;
import org.minyi.scoring.cli.ScoreData.RowFailure;
import org.minyi.scoring.estimation.Margin;

/**
 * The population margins of {@code --rake margins.csv}: columns {@code variable,level,total}, one
 * row per level of each variable (a column of the data file) with its population total.
 */
final class RakeMargins {

	private static final List<String> HEADER = List.of("variable", "level", "total");

	/** Variable → level → population total, in file order. */
	private final Map<String, Map<String, Double>> totals = new LinkedHashMap<>();

	private RakeMargins() {
	}

	static RakeMargins read(Path file) throws CliException {
		RakeMargins margins = new RakeMargins();
		ScoreData.readTable(file, new java.util.function.Consumer<>() {

			private Map<String, Integer> index;

			@Override
			public void accept(TabularRow row) {
				if (index == null) {
					index = ScoreData.columnIndex(row, HEADER);
				}
				else if (!row.isBlank()) {
					margins.add(row, index);
				}
			}
		});
		if (margins.totals.isEmpty()) {
			throw new CliException("cli.error.noRows", file);
		}
		return margins;
	}

	private void add(TabularRow row, Map<String, Integer> index) {
		String variable = row.cell(index.get("variable"));
		String level = row.cell(index.get("level"));
		String total = row.cell(index.get("total"));
		if (variable.isEmpty() || level.isEmpty()) {
			throw new RowFailure(new CliException("cli.error.emptyLabel", row.number(), variable.isEmpty() ? "variable" : "level"));
		}
		double value;
		try {
			value = Double.parseDouble(total);
		}
		catch (NumberFormatException e) {
			throw new RowFailure(new CliException("cli.error.badNumber", row.number(), "total", total));
		}
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new RowFailure(new CliException("cli.error.notPositive", row.number(), "total", total));
		}
		if (totals.computeIfAbsent(variable, v -> new LinkedHashMap<>()).put(level, value) != null) {
			throw new RowFailure(new CliException("cli.error.repeatedLevel", row.number(), variable, level));
		}
	}

	List<String> variables() {
		return List.copyOf(totals.keySet());
	}

	/**
	 * The margins over the data's respondents; every level in the data needs a total, and every total
	 * needs respondents to carry it.
	 */
	List<Margin> over(ScoreData data) throws CliException {
		List<Margin> margins = new ArrayList<>();
		for (Map.Entry<String, Map<String, Double>> variable : totals.entrySet()) {
			String[] levels = data.labels(variable.getKey());
			Set<String> present = new HashSet<>(List.of(levels));
			for (String level : present) {
				if (!variable.getValue().containsKey(level)) {
					throw new CliException("cli.error.levelWithoutTotal", variable.getKey(), level);
				}
			}
			for (String level : variable.getValue().keySet()) {
				if (!present.contains(level)) {
					throw new CliException("cli.error.totalWithoutRespondents", variable.getKey(), level);
				}
			}
			margins.add(new Margin(variable.getKey(), levels, variable.getValue()));
		}
		return margins;
	}
}
