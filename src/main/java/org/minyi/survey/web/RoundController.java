package org.minyi.survey.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.Flash;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.InstrumentVersion;
import org.minyi.survey.Mode;
import org.minyi.survey.RoundDraft;
import org.minyi.survey.RoundKind;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rounds: list, create, detail with targets, lifecycle transitions. */
@Controller
@RequestMapping("/survey/rounds")
@PreAuthorize(RoundController.VIEW)
class RoundController {

	static final String VIEW = "hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR','LEADER')";

	static final String EDIT = "hasRole('DISTRICT_ADMIN')";

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	RoundController(RoundManagement rounds, InstrumentCatalog instruments, UnitManagement units, MessageSource messages, Flash flash) {
		this.rounds = rounds;
		this.instruments = instruments;
		this.units = units;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rounds", rounds.list());
		model.addAttribute("instruments", instrumentTitles());
		return "survey/rounds";
	}

	@GetMapping("/new")
	@PreAuthorize(EDIT)
	String createForm(Model model) {
		return form(model, new RoundForm(), null);
	}

	@PostMapping
	@PreAuthorize(EDIT)
	String create(@Valid @ModelAttribute("form") RoundForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form, null);
		}
		try {
			RoundView round = rounds.create(form.toDraft());
			flash.success(redirect, "round.created", round.name());
			return "redirect:/survey/rounds/" + round.id();
		}
		catch (BusinessRuleException e) {
			errors.rejectValue(e.field() == null ? "name" : e.field(), e.messageKey(), e.arguments(), e.messageKey());
			return form(model, form, null);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDIT)
	String editForm(@PathVariable long id, Model model) {
		RoundView round = rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
		return form(model, RoundForm.of(round), round);
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDIT)
	String revise(@PathVariable long id, @Valid @ModelAttribute("form") RoundForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		RoundView round = rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
		if (errors.hasErrors()) {
			return form(model, form, round);
		}
		try {
			rounds.revise(id, form.toDraft(), form.getUnits());
			flash.success(redirect, "round.revised");
			return "redirect:/survey/rounds/" + id;
		}
		catch (BusinessRuleException e) {
			if (e.field() == null) {
				flash.error(redirect, e);
				return "redirect:/survey/rounds/" + id;
			}
			errors.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
			return form(model, form, round);
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		RoundView round = rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
		Map<Long, UnitView> unitById = units.list(DataScope.wholeDistrict()).stream()
			.collect(Collectors.toMap(UnitView::id, Function.identity()));
		model.addAttribute("round", round);
		model.addAttribute("units", unitById);
		model.addAttribute("instrument", instruments.find(round.instrumentVersionId()).orElseThrow());
		return "survey/round";
	}

	@PostMapping("/{id}/targets")
	@PreAuthorize(EDIT)
	String targets(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			rounds.setTargets(id, parseTargets(form));
			flash.success(redirect, "round.targetsSaved");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/survey/rounds/" + id;
	}

	@PostMapping("/{id}/status")
	@PreAuthorize(EDIT)
	String moveTo(@PathVariable long id, @RequestParam RoundStatus status, RedirectAttributes redirect, Locale locale) {
		try {
			RoundView round = rounds.moveTo(id, status);
			flash.success(redirect, "round.moved", messages.getMessage(round.status().messageKey(), null, locale));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/survey/rounds/" + id;
	}

	/** Fields named {@code score-<unitId>} and {@code rank-<unitId>}; empty means no target. */
	private static List<Target> parseTargets(Map<String, String> form) {
		List<Target> targets = new ArrayList<>();
		for (String key : form.keySet()) {
			if (!key.startsWith("score-")) {
				continue;
			}
			String unit = key.substring("score-".length());
			try {
				String score = form.get(key).strip();
				String rank = form.getOrDefault("rank-" + unit, "").strip();
				targets.add(new Target(Long.parseLong(unit), score.isEmpty() ? null : new BigDecimal(score),
						rank.isEmpty() ? null : Integer.valueOf(rank)));
			}
			catch (NumberFormatException e) {
				throw BusinessRuleException.of("round.error.targetNumber");
			}
		}
		return targets;
	}

	/** The round form; {@code round} is the draft being revised, or null for a new round. */
	private String form(Model model, RoundForm form, RoundView round) {
		model.addAttribute("form", form);
		model.addAttribute("round", round);
		model.addAttribute("ratedUnits", round == null ? List.of() : rounds.ratedUnitViews());
		model.addAttribute("kinds", RoundKind.values());
		model.addAttribute("modes", Mode.values());
		model.addAttribute("instruments", instruments.list().stream().filter(v -> !v.isDraft()).toList());
		return "survey/round-form";
	}

	private Map<Long, String> instrumentTitles() {
		return instruments.list().stream()
			.collect(Collectors.toMap(InstrumentVersion::id, v -> v.title() + " v" + v.version()));
	}

	/** The round form as posted. */
	static class RoundForm {

		@NotBlank
		@Size(max = 100)
		private String name;

		@NotNull
		private RoundKind kind = RoundKind.MOCK;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate periodStart;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate periodEnd;

		@NotNull
		private Long instrumentVersionId;

		private Set<Mode> modes = EnumSet.of(Mode.CATI, Mode.WEB);

		/** Units in scope; only revised on an existing round. */
		private Set<Long> units = new HashSet<>();

		static RoundForm of(RoundView round) {
			RoundForm form = new RoundForm();
			form.name = round.name();
			form.kind = round.kind();
			form.periodStart = round.periodStart();
			form.periodEnd = round.periodEnd();
			form.instrumentVersionId = round.instrumentVersionId();
			form.modes = round.modes().isEmpty() ? EnumSet.noneOf(Mode.class) : EnumSet.copyOf(round.modes());
			form.units = round.targets().stream().map(Target::unitId).collect(Collectors.toCollection(HashSet::new));
			return form;
		}

		RoundDraft toDraft() {
			return new RoundDraft(name, kind, periodStart, periodEnd, instrumentVersionId, modes);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public RoundKind getKind() {
			return kind;
		}

		public void setKind(RoundKind kind) {
			this.kind = kind;
		}

		public LocalDate getPeriodStart() {
			return periodStart;
		}

		public void setPeriodStart(LocalDate periodStart) {
			this.periodStart = periodStart;
		}

		public LocalDate getPeriodEnd() {
			return periodEnd;
		}

		public void setPeriodEnd(LocalDate periodEnd) {
			this.periodEnd = periodEnd;
		}

		public Long getInstrumentVersionId() {
			return instrumentVersionId;
		}

		public void setInstrumentVersionId(Long instrumentVersionId) {
			this.instrumentVersionId = instrumentVersionId;
		}

		public Set<Mode> getModes() {
			return modes;
		}

		public void setModes(Set<Mode> modes) {
			this.modes = modes;
		}

		public Set<Long> getUnits() {
			return units;
		}

		public void setUnits(Set<Long> units) {
			this.units = units;
		}
	}
}
