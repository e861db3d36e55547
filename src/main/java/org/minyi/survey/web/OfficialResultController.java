package org.minyi.survey.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.ImportProblem;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.survey.OfficialResult;
import org.minyi.survey.OfficialResults;
import org.minyi.survey.RoundKind;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An official round's published results beside its targets: view, edit in place, Excel template and import. */
@Controller
@RequestMapping("/survey/rounds/{id}/official")
@PreAuthorize(RoundController.VIEW)
class OfficialResultController {

	/** One unit's line: its targets, what was published, and whether the targets were met. */
	record Line(UnitView unit, Target target, OfficialResult result) {

		public Boolean scoreMet() {
			return target.scoreTarget() == null || result == null || result.overallScore() == null ? null
					: result.overallScore().compareTo(target.scoreTarget()) >= 0;
		}

		public Boolean rankMet() {
			return target.rankTarget() == null || result == null || result.rank() == null ? null
					: result.rank() <= target.rankTarget();
		}
	}

	private final RoundManagement rounds;

	private final OfficialResults results;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	OfficialResultController(RoundManagement rounds, OfficialResults results, UnitManagement units, MessageSource messages,
			Flash flash) {
		this.rounds = rounds;
		this.results = results;
		this.units = units;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String page(@PathVariable long id, Model model) {
		RoundView round = officialRound(id);
		Map<Long, UnitView> unitById = units.list(DataScope.wholeDistrict()).stream()
			.collect(Collectors.toMap(UnitView::id, Function.identity()));
		Map<Long, OfficialResult> recorded = results.of(id);
		model.addAttribute("round", round);
		model.addAttribute("lines", round.targets().stream()
			.filter(t -> unitById.containsKey(t.unitId()))
			.map(t -> new Line(unitById.get(t.unitId()), t, recorded.get(t.unitId())))
			.toList());
		return "survey/official";
	}

	@PostMapping
	@PreAuthorize(RoundController.EDIT)
	String save(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			results.save(id, parse(form));
			flash.success(redirect, "official.saved");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/survey/rounds/" + id + "/official";
	}

	@GetMapping("/template")
	@PreAuthorize(RoundController.EDIT)
	void template(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		officialRound(id);
		ExcelDownload.send(response, "official-results-" + id, messages.getMessage("official.title", null, locale),
				results.headers(locale), sheet -> results.template(id, sheet));
	}

	@PostMapping("/import")
	@PreAuthorize(RoundController.EDIT)
	String importFile(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		List<ImportProblem> problems;
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			problems = results.importFile(id, in);
		}
		if (problems.isEmpty()) {
			flash.success(redirect, "official.imported");
			return "redirect:/survey/rounds/" + id + "/official";
		}
		model.addAttribute("problems", problems);
		return page(id, model);
	}

	/** Fields {@code <field>-<unitId>} for overall, security, satisfaction, rank, among and note; empty means none. */
	private static List<OfficialResult> parse(Map<String, String> form) {
		List<OfficialResult> parsed = new ArrayList<>();
		for (String key : form.keySet()) {
			if (!key.startsWith("overall-")) {
				continue;
			}
			String unit = key.substring("overall-".length());
			try {
				parsed.add(new OfficialResult(Long.parseLong(unit), decimal(form.get(key)), decimal(form.get("security-" + unit)),
						decimal(form.get("satisfaction-" + unit)), whole(form.get("rank-" + unit)), whole(form.get("among-" + unit)),
						form.get("note-" + unit)));
			}
			catch (NumberFormatException e) {
				throw BusinessRuleException.of("round.error.targetNumber");
			}
		}
		return parsed;
	}

	private static BigDecimal decimal(String text) {
		return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
	}

	private static Integer whole(String text) {
		return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
	}

	private RoundView officialRound(long id) {
		return rounds.find(id).filter(r -> r.kind() == RoundKind.OFFICIAL)
			.orElseThrow(() -> new RecordNotFoundException("official round", id));
	}
}
