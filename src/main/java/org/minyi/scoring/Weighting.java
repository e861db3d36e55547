package org.minyi.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.minyi.scoring.ScoringSettings.CalibrationMargin;

/**
 * How a snapshot's answers were weighted, as recorded with it: design weights by township population
 * (with the finite population correction), then raking to {@code margins} (none: not raked),
 * within the trimming bounds, and whether it converged. Stored as a short key=value text so that it
 * can be read back and shown in any language.
 *
 * @param converged  false when raking did not converge and design weights were used instead
 * @param iterations raking passes (0 when not raked)
 * @param kishDeff   the design effect of the final weights
 */
public record Weighting(List<CalibrationMargin> margins, boolean converged, int iterations, Double trimLow, Double trimHigh,
		double kishDeff) {

	public Weighting {
		margins = List.copyOf(margins);
	}

	public boolean raked() {
		return !margins.isEmpty() && converged;
	}

	public boolean trimmed() {
		return trimLow != null || trimHigh != null;
	}

	/** For example {@code margins=TOWNSHIP,GENDER;converged=true;iterations=12;trimLow=0.3;trimHigh=3.0;deff=1.0512}. */
	public String encode() {
		List<String> parts = new ArrayList<>();
		parts.add("margins=" + margins.stream().map(Enum::name).collect(Collectors.joining(",")));
		parts.add("converged=" + converged);
		parts.add("iterations=" + iterations);
		if (trimLow != null) {
			parts.add("trimLow=" + trimLow);
		}
		if (trimHigh != null) {
			parts.add("trimHigh=" + trimHigh);
		}
		parts.add(String.format(Locale.ROOT, "deff=%.4f", kishDeff));
		return String.join(";", parts);
	}

	/** Empty for text written before the settings were recorded this way. */
	public static Optional<Weighting> decode(String text) {
		Map<String, String> fields = new HashMap<>();
		for (String part : text.split(";")) {
			String[] pair = part.split("=", 2);
			if (pair.length != 2) {
				return Optional.empty();
			}
			fields.put(pair[0], pair[1]);
		}
		try {
			List<CalibrationMargin> margins = Arrays.stream(fields.get("margins").split(",")).filter(m -> !m.isBlank())
				.map(CalibrationMargin::valueOf).toList();
			return Optional.of(new Weighting(margins, Boolean.parseBoolean(fields.get("converged")),
					Integer.parseInt(fields.get("iterations")), number(fields.get("trimLow")), number(fields.get("trimHigh")),
					Double.parseDouble(fields.get("deff"))));
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private static Double number(String text) {
		return text == null ? null : Double.valueOf(text);
	}
}
