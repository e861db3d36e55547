package org.minyi.scoring.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.minyi.scoring.cli.ScoreOptions.IndicatorSpec;
import org.minyi.scoring.cli.ScoreOptions.Rate;
import org.minyi.scoring.cli.ScoreOptions.Score;
import org.minyi.scoring.estimation.Calibration;
import org.minyi.scoring.estimation.Estimate;
import org.minyi.scoring.estimation.Estimator;
import org.minyi.scoring.estimation.SurveyDesign;

/**
 * {@code java -jar minyi.jar score …}: scores an analyst's file with the same estimation library as
 * the application, without a server or a database. Output is one CSV row per indicator and group:
 * {@code indicator,group,n,estimate,se,ci_low,ci_high,official}. A bad file or flag prints one line
 * in Chinese and English and exits with {@link #BAD_INPUT}.
 */
public final class ScoreCommand {

	public static final String NAME = "score";

	public static final int BAD_INPUT = 2;

	/** STATISTICS.md §2: every margin to a relative 1e-10, or report non-convergence after 100 passes. */
	private static final double RAKING_TOLERANCE = 1e-10;

	private static final int RAKING_PASSES = 100;

	private static final List<String> OUTPUT_HEADER = List.of("indicator", "group", "n", "estimate", "se", "ci_low",
			"ci_high", "official");

	private ScoreCommand() {
	}

	/** Runs the command on the arguments after {@code score}; returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (ScoreOptions.wantsHelp(args)) {
			out.println(ScoreOptions.USAGE);
			return 0;
		}
		try {
			ScoreOptions options = ScoreOptions.parse(args);
			RakeMargins margins = options.rake() == null ? null : RakeMargins.read(options.rake());
			List<String> labelColumns = labelColumns(options, margins);
			ScoreData data = ScoreData.read(options, labelColumns);
			SurveyDesign design = design(options, data, margins, err);
			write(options, rows(options, data, design), out);
			return 0;
		}
		catch (CliException e) {
			err.println(message(Locale.SIMPLIFIED_CHINESE, e) + " / " + message(Locale.ENGLISH, e));
			return BAD_INPUT;
		}
	}

	private static List<String> labelColumns(ScoreOptions options, RakeMargins margins) {
		List<String> columns = new ArrayList<>();
		for (String column : new String[] { options.strata(), options.cluster(), options.by() }) {
			if (column != null && !columns.contains(column)) {
				columns.add(column);
			}
		}
		if (margins != null) {
			margins.variables().stream().filter(variable -> !columns.contains(variable)).forEach(columns::add);
		}
		return columns;
	}

	private static SurveyDesign design(ScoreOptions options, ScoreData data, RakeMargins margins, PrintStream err)
			throws CliException {
		try {
			String[] strata = data.labels(options.strata());
			if (strata == null) {
				strata = new String[data.size()];
				Arrays.fill(strata, "");
			}
			SurveyDesign design = SurveyDesign.of(strata, data.labels(options.cluster()), data.weights(), data.populations(),
					SurveyDesign.LonelyPsu.FAIL);
			if (margins == null) {
				return design;
			}
			Calibration.Result raked = Calibration.rake(design, margins.over(data), RAKING_TOLERANCE, RAKING_PASSES);
			if (!raked.converged()) {
				err.println(text(Locale.SIMPLIFIED_CHINESE, "cli.warning.notConverged", raked.iterations(), raked.maxRelativeError())
						+ " / " + text(Locale.ENGLISH, "cli.warning.notConverged", raked.iterations(), raked.maxRelativeError()));
			}
			return raked.design();
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			throw new CliException("cli.error.design", e.getMessage());
		}
	}

	/** Every indicator for the whole sample (empty group) and for each level of --by, in sorted order. */
	private static List<List<Object>> rows(ScoreOptions options, ScoreData data, SurveyDesign design) throws CliException {
		String[] by = data.labels(options.by());
		List<String> groups = new ArrayList<>();
		groups.add(null);
		if (by != null) {
			groups.addAll(new TreeSet<>(List.of(by)));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (IndicatorSpec spec : options.indicators()) {
			double[] values = data.values(spec.name());
			double[] y = new double[values.length];
			for (String group : groups) {
				boolean[] included = new boolean[values.length];
				double sum = 0;
				int n = 0;
				for (int i = 0; i < values.length; i++) {
					included[i] = !Double.isNaN(values[i]) && (group == null || group.equals(by[i]));
					y[i] = included[i] ? values[i] : 0;
					if (included[i]) {
						sum += values[i];
						n++;
					}
				}
				rows.add(row(spec, group, n == 0 ? null : estimate(design, spec, y, included), n == 0 ? Double.NaN : sum / n));
			}
		}
		return rows;
	}

	private static List<Object> row(IndicatorSpec spec, String group, Estimated estimated, double official) {
		List<Object> row = new ArrayList<>(List.of(spec.name(), group == null ? "" : group));
		if (estimated == null) {
			row.addAll(List.of(0, "", "", "", "", ""));
			return row;
		}
		double scale = spec instanceof Rate ? 100 : 1;
		row.add(estimated.estimate().n());
		row.add(number(scale * estimated.estimate().value()));
		row.add(number(scale * estimated.estimate().se()));
		row.add(number(scale * estimated.interval()[0]));
		row.add(number(scale * estimated.interval()[1]));
		row.add(number(scale * official));
		return row;
	}

	private record Estimated(Estimate estimate, double[] interval) {
	}

	/**
	 * Scores get the Wald interval (clipped to 0–100 when the points come from an answer map);
	 * rates the logit interval on the design's degrees of freedom (STATISTICS.md §3).
	 */
	private static Estimated estimate(SurveyDesign design, IndicatorSpec spec, double[] y, boolean[] included)
			throws CliException {
		try {
			Estimate estimate = Estimator.mean(design, y, included);
			if (spec instanceof Rate) {
				return new Estimated(estimate, Estimator.logitInterval(design, estimate, 0.95));
			}
			double[] interval = estimate.waldInterval();
			if (((Score) spec).points() != null) {
				interval = new double[] { Math.max(0, interval[0]), Math.min(100, interval[1]) };
			}
			return new Estimated(estimate, interval);
		}
		catch (IllegalStateException e) {
			throw new CliException("cli.error.design", e.getMessage());
		}
	}

	/** Plain decimal notation (no exponent), as many digits as the double needs. */
	private static String number(double value) {
		return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : "";
	}

	private static void write(ScoreOptions options, List<List<Object>> rows, PrintStream out) throws CliException {
		try {
			if (options.output() == null) {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				print(rows, writer);
				writer.flush();
			}
			else {
				try (Writer writer = Files.newBufferedWriter(options.output(), StandardCharsets.UTF_8)) {
					print(rows, writer);
				}
			}
		}
		catch (IOException e) {
			throw new CliException("cli.error.unwritable", options.output());
		}
	}

	private static void print(List<List<Object>> rows, Writer writer) throws IOException {
		CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(writer);
		csv.printRecord(OUTPUT_HEADER);
		for (List<Object> row : rows) {
			csv.printRecord(row);
		}
		csv.flush();
	}

	private static String message(Locale locale, CliException e) {
		return text(locale, e.messageKey(), e.arguments());
	}

	/** The command runs without Spring: its texts come straight from the application's message bundles. */
	private static String text(Locale locale, String key, Object... arguments) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new MessageFormat(bundle.getString(key), locale).format(arguments);
	}
}
