package org.minyi.fieldwork.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.fieldwork.Disposition;
import org.minyi.fieldwork.FieldworkMonitor;
import org.minyi.fieldwork.FieldworkMonitor.Progress;
import org.minyi.fieldwork.InterviewerAssignments;
import org.minyi.fieldwork.Quotas;
import org.minyi.fieldwork.RoundTownships;
import org.minyi.fieldwork.SampleDraws;
import org.minyi.fieldwork.SampleDraws.DrawRequest;
import org.minyi.fieldwork.SampleDraws.QuotaKind;
import org.minyi.fieldwork.SampleFrames;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.Percentages;
import org.minyi.survey.Mode;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supervisors' CATI pages per round: sample draws and reserve replicates, and the live monitor —
 * progress per township, dispositions, AAPOR rates and the Chinese success rate, quotas and interviewer productivity —
 * with its Excel export.
 */
@Controller
@RequestMapping("/fieldwork/rounds")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR')")
class CatiRoundController {

	/** Completes per township a new draw proposes: about ±2.8 points on a score (STATISTICS.md §7). */
	static final int DEFAULT_COMPLETES = 200;

	private final RoundManagement rounds;

	private final SampleDraws draws;

	private final SampleFrames frames;

	private final FieldworkMonitor monitor;

	private final InterviewerAssignments assignments;

	private final Quotas quotas;

	private final RoundTownships roundTownships;

	private final CatiPages pages;

	private final Percentages percent;

	private final Flash flash;

	CatiRoundController(RoundManagement rounds, SampleDraws draws, SampleFrames frames, FieldworkMonitor monitor,
			InterviewerAssignments assignments, Quotas quotas, RoundTownships roundTownships, CatiPages pages,
			Percentages percent, Flash flash) {
		this.quotas = quotas;
		this.roundTownships = roundTownships;
		this.assignments = assignments;
		this.rounds = rounds;
		this.draws = draws;
		this.frames = frames;
		this.monitor = monitor;
		this.pages = pages;
		this.percent = percent;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rounds", rounds.list().stream().filter(r -> r.modes().contains(Mode.CATI)).toList());
		return "fieldwork/cati-rounds";
	}

	@GetMapping("/{roundId}")
	String round(@PathVariable long roundId, Model model) {
		RoundView round = pages.round(roundId);
		model.addAttribute("round", round);
		model.addAttribute("draws", draws.list(roundId));
		List<SampleFrames.FrameView> allFrames = frames.list();
		model.addAttribute("frameNames", allFrames.stream().collect(Collectors.toMap(SampleFrames.FrameView::id, SampleFrames.FrameView::name)));
		model.addAttribute("frames", allFrames.stream()
			.filter(f -> f.status() == SampleFrames.FrameStatus.ACTIVE && (f.roundId() == null || f.roundId() == roundId))
			.toList());
		model.addAttribute("townships", roundTownships.of(round));
		model.addAttribute("defaultCompletes", DEFAULT_COMPLETES);
		model.addAttribute("quotaKinds", QuotaKind.values());
		model.addAttribute("interviewers", assignments.interviewers());
		model.addAttribute("assignments", assignments.of(roundId));
		return monitorModel(roundId, model, "fieldwork/cati-round");
	}

	@GetMapping("/{roundId}/monitor")
	String monitor(@PathVariable long roundId, Model model) {
		pages.round(roundId);
		return monitorModel(roundId, model, "fieldwork/cati-round :: monitor");
	}

	@PostMapping("/{roundId}/draws")
	String draw(@PathVariable long roundId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			SampleDraws.DrawView draw = draws.draw(roundId, drawRequest(form));
			flash.success(redirect, "fieldwork.draw.done", draw.drawn().values().stream().mapToInt(Integer::intValue).sum(),
					draw.seed());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/rounds/" + roundId;
	}

	/** One row per interviewer: {@code interviewer} names them all, {@code townships-<name>} holds the ticked townships. */
	@PostMapping("/{roundId}/assignments")
	String assign(@PathVariable long roundId, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			Map<String, Set<Long>> assigned = new LinkedHashMap<>();
			for (String interviewer : form.getOrDefault("interviewer", List.of())) {
				assigned.put(interviewer, form.getOrDefault("townships-" + interviewer, List.of()).stream()
					.map(Long::valueOf)
					.collect(Collectors.toSet()));
			}
			assignments.assign(roundId, assigned);
			flash.success(redirect, "fieldwork.assign.saved");
		}
		catch (NumberFormatException e) {
			flash.error(redirect, BusinessRuleException.of("fieldwork.assign.error.township"));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/rounds/" + roundId;
	}

	@PostMapping("/{roundId}/townships/{townshipId}/release")
	String release(@PathVariable long roundId, @PathVariable long townshipId, RedirectAttributes redirect) {
		try {
			flash.success(redirect, "fieldwork.draw.released", draws.releaseReplicate(roundId, townshipId));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/rounds/" + roundId;
	}

	@GetMapping("/{roundId}/export")
	void export(@PathVariable long roundId, HttpServletResponse response, Locale locale) throws IOException {
		pages.round(roundId);
		FieldworkMonitor.Monitor m = monitor.monitor(roundId);
		Map<Long, String> names = pages.townshipNames();
		List<String> headers = new ArrayList<>(List.of(pages.text("unit.name", locale), pages.text("fieldwork.monitor.target", locale),
				pages.text("fieldwork.monitor.released", locale), pages.text("fieldwork.monitor.reserve", locale),
				pages.text("fieldwork.monitor.attempted", locale), pages.text("fieldwork.monitor.completes", locale),
				pages.text("fieldwork.monitor.successRate", locale)));
		Arrays.stream(Disposition.values()).forEach(d -> headers.add(d.aaporCode() + " " + pages.text(d.messageKey(), locale)));
		m.total().rates().all().keySet().forEach(headers::add);
		ExcelDownload.send(response, "cati-monitor", pages.text("fieldwork.monitor.title", locale), headers, export -> {
			List<Progress> rows = new ArrayList<>(m.townships());
			rows.add(m.total());
			for (Progress p : rows) {
				List<Object> row = new ArrayList<>(List.of(p.townshipId() == null ? pages.text("fieldwork.monitor.total", locale)
						: names.getOrDefault(p.townshipId(), "?"), p.target(), p.released(), p.reserve(), p.attempted(),
						p.completes(), percent.of(p.successRate())));
				Arrays.stream(Disposition.values()).forEach(d -> row.add(p.dispositions().getOrDefault(d, 0L)));
				p.rates().all().values().forEach(rate -> row.add(percent.of(rate)));
				export.row(row);
			}
		});
	}

	@GetMapping("/{roundId}/export/quotas")
	void exportQuotas(@PathVariable long roundId, HttpServletResponse response, Locale locale) throws IOException {
		pages.round(roundId);
		Map<Long, String> names = pages.townshipNames();
		ExcelDownload.send(response, "cati-quotas", pages.text("fieldwork.quota.title", locale),
				List.of(pages.text("unit.name", locale), pages.text("fieldwork.quota.cell", locale), pages.text("fieldwork.quota.target", locale),
						pages.text("fieldwork.quota.completed", locale), pages.text("fieldwork.quota.reserved", locale),
						pages.text("fieldwork.quota.fill", locale), pages.text("fieldwork.quota.kind", locale)),
				export -> quotas.list(roundId).forEach(c -> export.row(List.of(names.getOrDefault(c.townshipId(), "?"),
						pages.text(c.gender().messageKey(), locale) + " " + pages.text(c.ageGroup().messageKey(), locale), c.target(),
						c.completed(), c.reserved(), c.fillPercent() + "%",
						pages.text(c.hard() ? "fieldwork.quota.HARD" : "fieldwork.quota.SOFT", locale)))));
	}

	@GetMapping("/{roundId}/export/productivity")
	void exportProductivity(@PathVariable long roundId, HttpServletResponse response, Locale locale) throws IOException {
		pages.round(roundId);
		ExcelDownload.send(response, "cati-productivity", pages.text("fieldwork.productivity.title", locale),
				List.of(pages.text("fieldwork.productivity.interviewer", locale), pages.text("fieldwork.productivity.calls", locale),
						pages.text("fieldwork.productivity.callsPerHour", locale), pages.text("fieldwork.monitor.completes", locale),
						pages.text("fieldwork.productivity.averageLength", locale), pages.text("fieldwork.productivity.refusalRate", locale)),
				export -> monitor.productivity(roundId).forEach(i -> export.row(List.of(i.interviewer(), i.calls(),
						percent.decimal(i.callsPerHour()), i.completes(), percent.decimal(i.averageInterviewMinutes()),
						percent.of(i.refusalRate())))));
	}

	private String monitorModel(long roundId, Model model, String view) {
		model.addAttribute("roundId", roundId);
		model.addAttribute("monitor", monitor.monitor(roundId));
		model.addAttribute("townshipNames", pages.townshipNames());
		model.addAttribute("dispositionColumns", Disposition.values());
		return view;
	}

	private DrawRequest drawRequest(Map<String, String> form) {
		Map<Long, Integer> completes = new LinkedHashMap<>();
		try {
			form.forEach((key, value) -> {
				if (key.startsWith("completes-") && !value.isBlank()) {
					completes.put(Long.parseLong(key.substring("completes-".length())), Integer.parseInt(value.strip()));
				}
			});
			String seed = form.getOrDefault("seed", "").strip();
			return new DrawRequest(Long.parseLong(form.getOrDefault("frameId", "")), completes,
					new BigDecimal(form.getOrDefault("completionRate", "").strip()),
					Integer.parseInt(form.getOrDefault("replicateSize", "").strip()), seed.isEmpty() ? null : Long.valueOf(seed),
					QuotaKind.valueOf(form.getOrDefault("quotas", "NONE")));
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleException.of("fieldwork.draw.error.number");
		}
	}




}
