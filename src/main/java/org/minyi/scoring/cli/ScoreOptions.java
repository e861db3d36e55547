package org.minyi.scoring.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of {@code minyi score} (README, "Analyst command line"), checked before any data is read.
 */
record ScoreOptions(Path input, String strata, String cluster, String weight, String fpc, List<IndicatorSpec> indicators,
		String by, Path rake, Path output) {

	static final String USAGE = """
			java -jar minyi.jar score --input data.csv [--strata COL] [--cluster COL] [--weight COL] [--fpc COL]
			    --indicator NAME=COL[:CODE=POINTS,CODE=POINTS,...]   (repeatable; codes not listed are invalid; no map = numeric column)
			    [--rate NAME=COL:POSITIVE_CODES:VALID_CODES]          (repeatable; codes comma-separated)
			    [--by COL] [--rake margins.csv] [--output results.csv]""";

	/**
	 * One indicator to estimate from one column: a score (points per answer code, or the column's own
	 * numbers) or a rate (share of valid answers that are positive, reported in percent).
	 */
	sealed interface IndicatorSpec permits Score, Rate {

		String name();

		String column();
	}

	/** @param points answer code to points; null for a numeric column */
	record Score(String name, String column, Map<String, Double> points) implements IndicatorSpec {
	}

	record Rate(String name, String column, Set<String> positive, Set<String> valid) implements IndicatorSpec {
	}

	/** Whether the arguments only ask for the usage text. */
	static boolean wantsHelp(String[] args) {
		return args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h");
	}

	static ScoreOptions parse(String[] args) throws CliException {
		Map<String, String> single = new LinkedHashMap<>();
		List<IndicatorSpec> indicators = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < args.length; i += 2) {
			String flag = args[i];
			if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
				throw new CliException("cli.error.missingValue", flag);
			}
			String value = args[i + 1];
			switch (flag) {
				case "--indicator", "--rate" -> {
					IndicatorSpec spec = flag.equals("--rate") ? rate(value) : score(value);
					if (!names.add(spec.name())) {
						throw new CliException("cli.error.duplicateIndicator", spec.name());
					}
					indicators.add(spec);
				}
				case "--input", "--strata", "--cluster", "--weight", "--fpc", "--by", "--rake", "--output" -> {
					if (single.put(flag, value) != null) {
						throw new CliException("cli.error.repeatedFlag", flag);
					}
				}
				default -> throw new CliException("cli.error.unknownFlag", flag);
			}
		}
		if (!single.containsKey("--input")) {
			throw new CliException("cli.error.noInput");
		}
		if (indicators.isEmpty()) {
			throw new CliException("cli.error.noIndicator");
		}
		return new ScoreOptions(Path.of(single.get("--input")), single.get("--strata"), single.get("--cluster"),
				single.get("--weight"), single.get("--fpc"), List.copyOf(indicators), single.get("--by"),
				pathOrNull(single.get("--rake")), pathOrNull(single.get("--output")));
	}

	/** NAME=COL or NAME=COL:CODE=POINTS,CODE=POINTS… */
	private static Score score(String value) throws CliException {
		String[] nameAndRest = splitOnce(value, '=', "--indicator", value);
		String[] columnAndMap = nameAndRest[1].split(":", 2);
		if (columnAndMap.length == 1) {
			return new Score(nameAndRest[0], required(columnAndMap[0], "--indicator", value), null);
		}
		Map<String, Double> points = new LinkedHashMap<>();
		for (String entry : columnAndMap[1].split(",")) {
			String[] codeAndPoints = splitOnce(entry, '=', "--indicator", value);
			try {
				points.put(codeAndPoints[0], Double.parseDouble(codeAndPoints[1]));
			}
			catch (NumberFormatException e) {
				throw new CliException("cli.error.badPoints", value, codeAndPoints[1]);
			}
		}
		return new Score(nameAndRest[0], required(columnAndMap[0], "--indicator", value), Map.copyOf(points));
	}

	/** NAME=COL:POSITIVE_CODES:VALID_CODES */
	private static Rate rate(String value) throws CliException {
		String[] nameAndRest = splitOnce(value, '=', "--rate", value);
		String[] parts = nameAndRest[1].split(":", -1);
		if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
			throw new CliException("cli.error.badSpec", "--rate", value);
		}
		Set<String> positive = Set.of(parts[1].split(","));
		Set<String> valid = Set.of(parts[2].split(","));
		if (!valid.containsAll(positive)) {
			throw new CliException("cli.error.positiveNotValid", value);
		}
		return new Rate(nameAndRest[0], required(parts[0], "--rate", value), positive, valid);
	}

	private static String[] splitOnce(String text, char separator, String flag, String whole) throws CliException {
		int at = text.indexOf(separator);
		if (at <= 0 || at == text.length() - 1) {
			throw new CliException("cli.error.badSpec", flag, whole);
		}
		return new String[] { text.substring(0, at), text.substring(at + 1) };
	}

	private static String required(String column, String flag, String whole) throws CliException {
		if (column.isBlank()) {
			throw new CliException("cli.error.badSpec", flag, whole);
		}
		return column;
	}

	private static Path pathOrNull(String path) {
		return path == null ? null : Path.of(path);
	}

	/** Every column the file must have, in the order the flags name them. */
	List<String> columns() {
		Set<String> columns = new LinkedHashSet<>();
		for (String column : new String[] { strata, cluster, weight, fpc, by }) {
			if (column != null) {
				columns.add(column);
			}
		}
		indicators.forEach(spec -> columns.add(spec.column()));
		return List.copyOf(columns);
	}
}
