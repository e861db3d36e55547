package org.minyi.scoring.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.minyi.platform.tabular.TabularFileException;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.platform.tabular.TabularRow;
import org.minyi.scoring.cli.ScoreOptions.IndicatorSpec;
import org.minyi.scoring.cli.ScoreOptions.Rate;
import org.minyi.scoring.cli.ScoreOptions.Score;

/**
 * The columns of an analyst's file that the flags name, read in one streamed pass (CSV in UTF-8 or
 * GBK, or XLSX): labels as shared strings, numbers as primitive arrays, and each indicator as its
 * value per respondent with NaN for an answer that is not valid.
 */
final class ScoreData {

	/** More rows than any district survey; stops a wrong file before it fills the memory. */
	static final int MAX_ROWS = 20_000_000;

	private final Map<String, List<String>> labels = new LinkedHashMap<>();

	private final Map<String, String> shared = new HashMap<>();

	private Doubles weight;

	/** Population of PSUs per stratum label ("" without strata), from the --fpc column. */
	private final Map<String, Double> populations = new LinkedHashMap<>();

	private final Map<String, Doubles> indicatorValues = new LinkedHashMap<>();

	private int size;

	private ScoreData() {
	}

	/**
	 * @param labelColumns the columns read as labels: strata, cluster, by and the raking variables
	 */
	static ScoreData read(ScoreOptions options, List<String> labelColumns) throws CliException {
		ScoreData data = new ScoreData();
		labelColumns.forEach(column -> data.labels.put(column, new ArrayList<>()));
		data.weight = options.weight() == null ? null : new Doubles();
		options.indicators().forEach(spec -> data.indicatorValues.put(spec.name(), new Doubles()));
		readTable(options.input(), new Consumer<>() {

			private Map<String, Integer> index;

			@Override
			public void accept(TabularRow row) {
				if (index == null) {
					index = columnIndex(row, columnsNeeded(options, labelColumns));
				}
				else if (!row.isBlank()) {
					data.add(options, row, index);
				}
			}
		});
		if (data.size == 0) {
			throw new CliException("cli.error.noRows", options.input());
		}
		return data;
	}

	/** Streams a CSV or XLSX file, turning an unreadable file or a bad row into the command's error. */
	static void readTable(Path file, Consumer<TabularRow> rows) throws CliException {
		try (InputStream in = Files.newInputStream(file)) {
			TabularReader.read(in, MAX_ROWS, rows);
		}
		catch (NoSuchFileException e) {
			throw new CliException("cli.error.noFile", file);
		}
		catch (IOException e) {
			throw new CliException("cli.error.unreadable", file);
		}
		catch (TabularFileException e) {
			throw new CliException(e.messageKey(), e.arguments());
		}
		catch (RowFailure e) {
			throw e.failure;
		}
	}

	/** Header cells matched like the rest of Minyi's imports: ignoring case and white space. */
	static Map<String, Integer> columnIndex(TabularRow header, List<String> needed) {
		Map<String, Integer> byKey = new HashMap<>();
		for (int i = header.cells().size() - 1; i >= 0; i--) {
			byKey.put(TabularReader.headerKey(header.cell(i)), i);
		}
		Map<String, Integer> index = new HashMap<>();
		for (String column : needed) {
			Integer at = byKey.get(TabularReader.headerKey(column));
			if (at == null) {
				throw new RowFailure(new CliException("cli.error.noColumn", column));
			}
			index.put(column, at);
		}
		return index;
	}

	private static List<String> columnsNeeded(ScoreOptions options, List<String> labelColumns) {
		List<String> needed = new ArrayList<>(labelColumns);
		options.columns().stream().filter(column -> !needed.contains(column)).forEach(needed::add);
		return needed;
	}

	private void add(ScoreOptions options, TabularRow row, Map<String, Integer> index) {
		for (Map.Entry<String, List<String>> column : labels.entrySet()) {
			String label = row.cell(index.get(column.getKey()));
			if (label.isEmpty()) {
				throw new RowFailure(new CliException("cli.error.emptyLabel", row.number(), column.getKey()));
			}
			column.getValue().add(shared.computeIfAbsent(label, l -> l));
		}
		if (weight != null) {
			weight.add(positive(row, options.weight(), index));
		}
		if (options.fpc() != null) {
			String stratum = options.strata() == null ? "" : row.cell(index.get(options.strata()));
			double population = positive(row, options.fpc(), index);
			Double known = populations.putIfAbsent(stratum, population);
			if (known != null && known != population) {
				throw new RowFailure(new CliException("cli.error.fpcDiffers", row.number(), stratum));
			}
		}
		for (IndicatorSpec spec : options.indicators()) {
			indicatorValues.get(spec.name()).add(value(spec, row, index));
		}
		size++;
	}

	private static double value(IndicatorSpec spec, TabularRow row, Map<String, Integer> index) {
		String cell = row.cell(index.get(spec.column()));
		if (spec instanceof Rate rate) {
			return !rate.valid().contains(cell) ? Double.NaN : rate.positive().contains(cell) ? 1 : 0;
		}
		Score score = (Score) spec;
		if (score.points() != null) {
			return score.points().getOrDefault(cell, Double.NaN);
		}
		if (cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
			return Double.NaN;
		}
		return number(row, spec.column(), cell);
	}

	private static double positive(TabularRow row, String column, Map<String, Integer> index) {
		String cell = row.cell(index.get(column));
		double value = number(row, column, cell);
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new RowFailure(new CliException("cli.error.notPositive", row.number(), column, cell));
		}
		return value;
	}

	private static double number(TabularRow row, String column, String cell) {
		try {
			return Double.parseDouble(cell);
		}
		catch (NumberFormatException e) {
			throw new RowFailure(new CliException("cli.error.badNumber", row.number(), column, cell));
		}
	}

	int size() {
		return size;
	}

	/** The labels of a column read as labels; null when the column was not asked for. */
	String[] labels(String column) {
		return column == null ? null : labels.get(column).toArray(String[]::new);
	}

	double[] weights() {
		return weight == null ? null : weight.toArray();
	}

	Map<String, Double> populations() {
		return populations.isEmpty() ? null : populations;
	}

	/** The indicator's value per respondent, NaN where the answer is not valid. */
	double[] values(String indicator) {
		return indicatorValues.get(indicator).toArray();
	}

	/** A row's error carried out of the reader's callback. */
	static final class RowFailure extends RuntimeException {

		final CliException failure;

		RowFailure(CliException failure) {
			super(null, null, false, false);
			this.failure = failure;
		}
	}

	/** A growing array of doubles, without boxing a million values. */
	private static final class Doubles {

		private double[] values = new double[1024];

		private int size;

		void add(double value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		double[] toArray() {
			return Arrays.copyOf(values, size);
		}
	}
}
