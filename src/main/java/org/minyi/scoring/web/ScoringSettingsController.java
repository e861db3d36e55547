package org.minyi.scoring.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.web.Flash;
import org.minyi.scoring.ScoringSettings;
import org.minyi.scoring.ScoringSettings.CalibrationMargin;
import org.minyi.scoring.ScoringSettingsStore;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A round's weighting settings: margins to rake to, trimming bounds, and each department's indicator. */
@Controller
@RequestMapping("/scoring/rounds/{id}/settings")
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
class ScoringSettingsController {

	private final ScoringSettingsStore settings;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final Flash flash;

	ScoringSettingsController(ScoringSettingsStore settings, RoundManagement rounds, UnitManagement units, Flash flash) {
		this.settings = settings;
		this.rounds = rounds;
		this.units = units;
		this.flash = flash;
	}

	@GetMapping
	String form(@PathVariable long id, Model model) {
		RoundView round = rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
		model.addAttribute("round", round);
		model.addAttribute("settings", settings.of(id));
		model.addAttribute("margins", CalibrationMargin.values());
		model.addAttribute("departments", round.targets().stream().map(Target::unitId)
			.map(units::findById)
			.flatMap(Optional::stream)
			.filter(u -> u.kind() == UnitKind.POLITICAL_LEGAL)
			.toList());
		model.addAttribute("scores", settings.scoreIndicators(round));
		return "scoring/settings";
	}

	/**
	 * Fields: {@code margin} (repeated), {@code trimLow}, {@code trimHigh} and {@code department-<unitId>}
	 * with an indicator code (empty for none).
	 */
	@PostMapping
	String save(@PathVariable long id, @RequestParam(name = "margin", required = false) List<CalibrationMargin> margins,
			@RequestParam(defaultValue = "") String trimLow, @RequestParam(defaultValue = "") String trimHigh,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			Map<Long, String> departments = new LinkedHashMap<>();
			form.forEach((key, value) -> {
				if (key.startsWith("department-") && !value.isBlank()) {
					departments.put(parseId(key.substring("department-".length())), value);
				}
			});
			Set<CalibrationMargin> chosen = margins == null ? EnumSet.noneOf(CalibrationMargin.class) : EnumSet.copyOf(margins);
			settings.save(id, new ScoringSettings(chosen, bound(trimLow), bound(trimHigh), departments));
			flash.success(redirect, "scoring.settings.saved");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/scoring/rounds/" + id + "/settings";
	}

	private static Double bound(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw BusinessRuleException.of("scoring.settings.error.number", text);
		}
	}

	private static long parseId(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			throw BusinessRuleException.of("scoring.settings.error.department");
		}
	}
}
