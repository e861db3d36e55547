package org.minyi.scoring;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference values of {@code src/test/resources/scoring/r/}: R's {@code api} example data and
 * the estimates and SEs that {@code api-reference.R} printed with the {@code survey} package.
 */
public final class RReference {

	private RReference() {
	}

	/** Case name → {estimate, se}, as in {@code expected.csv}. */
	public static Map<String, double[]> expected() {
		Map<String, double[]> expected = new HashMap<>();
		for (CSVRecord row : records("expected.csv")) {
			expected.put(row.get("case"), new double[] { Double.parseDouble(row.get("estimate")), Double.parseDouble(row.get("se")) });
		}
		return expected;
	}

	public static List<CSVRecord> records(String file) {
		try (Reader in = new InputStreamReader(RReference.class.getResourceAsStream("/scoring/r/" + file), StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The file itself, for code that reads files from disk. */
	public static Path file(String file) {
		try {
			return Path.of(RReference.class.getResource("/scoring/r/" + file).toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
