package org.minyi.disputes.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.disputes.DisputeAction;
import org.minyi.disputes.DisputeMetrics;
import org.minyi.disputes.DisputeStatus;
import org.minyi.disputes.DisputeType;
import org.minyi.disputes.Disputes;
import org.minyi.disputes.Disputes.DisputeFilter;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.MediationType;
import org.minyi.disputes.Referral;
import org.minyi.disputes.RiskLevel;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.RequestParams;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dispute cases: the list with the open high-risk cases first, intake, a case's page with its parties,
 * mediation sessions, outcome and follow-up, and the figures by unit and type; Excel exports.
 */
@Controller
@RequestMapping("/disputes")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class DisputeController {

	private static final String WORK = "hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER')";

	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	private final Disputes disputes;

	private final DisputeMetrics metrics;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	DisputeController(Disputes disputes, DisputeMetrics metrics, UnitManagement units, MessageSource messages, Flash flash) {
		this.disputes = disputes;
		this.metrics = metrics;
		this.units = units;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) String risk, @RequestParam(required = false) Long unit, @RequestParam(required = false) Integer page,
			Model model) {
		DisputeFilter filter = new DisputeFilter(RequestParams.enumOf(DisputeStatus.class, status), RequestParams.enumOf(DisputeType.class, type), RequestParams.enumOf(RiskLevel.class, risk),
				unit, false);
		model.addAttribute("disputes", disputes.list(filter, scope(), PageRequest.of(page, 50, null, null)));
		model.addAttribute("highRisk", disputes.list(new DisputeFilter(null, null, null, null, true), scope(), PageRequest.of(0, 20, null, null)));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", DisputeStatus.values());
		model.addAttribute("types", DisputeType.values());
		model.addAttribute("risks", RiskLevel.values());
		model.addAttribute("units", units.list(scope()));
		model.addAttribute("unitNames", units.names());
		return "disputes/disputes";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) String risk, @RequestParam(required = false) Long unit, HttpServletResponse response, Locale locale)
			throws IOException {
		DisputeFilter filter = new DisputeFilter(RequestParams.enumOf(DisputeStatus.class, status), RequestParams.enumOf(DisputeType.class, type), RequestParams.enumOf(RiskLevel.class, risk),
				unit, false);
		Map<Long, String> names = units.names();
		DataScope scope = scope();
		List<String> headers = Arrays.stream(new String[] { "reference", "receivedOn", "unit", "type", "risk", "amount", "summary", "status",
				"mediation", "outcome", "settledOn" }).map(key -> text("disputes.column." + key, locale)).toList();
		ExcelDownload.send(response, "disputes", text("disputes.title", locale), headers, sheet -> {
			for (int page = 0;; page++) {
				PageResult<DisputeView> batch = disputes.list(filter, scope, PageRequest.of(page, PageRequest.MAX_SIZE, null, null));
				batch.items().forEach(d -> sheet.row(Arrays.asList(d.reference(), d.receivedOn(), names.get(d.unitId()),
						text(d.type().messageKey(), locale), text(d.risk().messageKey(), locale), d.amount(), d.summary(),
						text(d.status().messageKey(), locale), d.mediationType() == null ? "" : text(d.mediationType().messageKey(), locale),
						d.outcome() == null ? "" : text("disputes.outcome." + d.outcome(), locale), d.settledOn())));
				if (!batch.hasNext()) {
					break;
				}
			}
		});
	}

	@GetMapping("/new")
	@PreAuthorize(WORK)
	String newDispute(Model model) {
		return form(model, null);
	}

	@PostMapping
	@PreAuthorize(WORK)
	String create(@RequestParam(defaultValue = "-1") long unitId, @RequestParam(required = false) String source,
			@RequestParam(required = false) String type, @RequestParam(required = false) String risk, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String summary, @RequestParam(required = false) String description,
			@RequestParam(required = false) List<String> partySide, @RequestParam(required = false) List<String> partyName,
			@RequestParam(required = false) List<String> partyPhone, Model model, RedirectAttributes redirect) {
		DisputeView created;
		try {
			created = disputes.receive(new Disputes.NewDispute(unitId, RequestParams.enumOf(Disputes.Source.class, source), RequestParams.enumOf(DisputeType.class, type),
					RequestParams.enumOf(RiskLevel.class, risk), amount(amount), summary, description, parties(partySide, partyName, partyPhone)), scope());
		}
		catch (BusinessRuleException e) {
			return form(model, e);
		}
		flash.success(redirect, created.risk() == RiskLevel.HIGH ? "disputes.createdHighRisk" : "disputes.created", created.reference());
		return "redirect:/disputes/" + created.id();
	}

	@GetMapping("/{id}")
	String dispute(@PathVariable long id, Model model) {
		model.addAttribute("dispute", disputes.find(id, scope()));
		model.addAttribute("parties", disputes.parties(id, scope()));
		model.addAttribute("sessions", disputes.sessions(id, scope()));
		model.addAttribute("history", disputes.history(id, scope()));
		model.addAttribute("unitNames", units.names());
		model.addAttribute("mediationTypes", MediationType.values());
		model.addAttribute("referrals", Referral.values());
		model.addAttribute("today", LocalDate.now(DISTRICT_ZONE));
		return "disputes/dispute";
	}

	@PostMapping("/{id}/act")
	@PreAuthorize(WORK)
	String act(@PathVariable long id, @RequestParam(defaultValue = "") String action, @RequestParam(required = false) String mediationType,
			@RequestParam(required = false) String mediator, @RequestParam(required = false) String referral,
			@RequestParam(defaultValue = "") String day, @RequestParam(required = false) String comment,
			@RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect, Locale locale) {
		try {
			DisputeAction chosen = RequestParams.enumOf(DisputeAction.class, action);
			if (chosen == null) {
				throw BusinessRuleException.of("disputes.error.transition");
			}
			DisputeView after = disputes.act(id, chosen, new Disputes.Step(RequestParams.enumOf(MediationType.class, mediationType), mediator,
					RequestParams.enumOf(Referral.class, referral), RequestParams.date(day), comment), version, scope());
			flash.success(redirect, "disputes.moved", text(after.status().messageKey(), locale));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/disputes/" + id;
	}

	@PostMapping("/{id}/sessions")
	@PreAuthorize(WORK)
	String session(@PathVariable long id, @RequestParam(defaultValue = "") String heldOn, @RequestParam(required = false) String participants,
			@RequestParam(required = false) String notes, RedirectAttributes redirect) {
		try {
			disputes.addSession(id, RequestParams.date(heldOn), participants, notes, scope());
			flash.success(redirect, "disputes.sessionAdded");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/disputes/" + id;
	}

	/** Shows one party's name and phone on the case's page; the reading is audited. */
	@PostMapping("/{id}/parties/{partyId}")
	@PreAuthorize(WORK)
	String party(@PathVariable long id, @PathVariable long partyId, Model model) {
		model.addAttribute("revealed", disputes.revealParty(id, partyId, scope()));
		model.addAttribute("revealedId", partyId);
		return dispute(id, model);
	}

	@GetMapping("/metrics")
	String metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		model.addAttribute("metrics", figures(from, to));
		Map<String, String> labels = new java.util.HashMap<>();
		units.names().forEach((id, name) -> labels.put(String.valueOf(id), name));
		model.addAttribute("unitLabels", labels);
		return "disputes/metrics";
	}

	@GetMapping("/metrics/export")
	void exportMetrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletResponse response,
			Locale locale) throws IOException {
		DisputeMetrics.Metrics result = figures(from, to);
		Map<Long, String> names = units.names();
		List<String> headers = new ArrayList<>(List.of(text("disputes.metrics.group", locale)));
		for (String key : List.of("cases", "agreements", "partial", "failed", "successRate", "averageDays", "highRiskOpen")) {
			headers.add(text("disputes.metrics." + key, locale));
		}
		ExcelDownload.send(response, "dispute-metrics", text("disputes.metrics.title", locale), headers, sheet -> {
			result.byUnit().forEach(c -> sheet.row(row(names.get(Long.valueOf(c.key())), c)));
			result.byType().forEach(c -> sheet.row(row(text("disputes.type." + c.key(), locale), c)));
			sheet.row(row(text("outreach.metrics.total", locale), result.total()));
		});
	}

	private static List<Object> row(String label, DisputeMetrics.Counts c) {
		return Arrays.asList(label, c.cases(), c.agreements(), c.partial(), c.failed(), c.successRate(), c.averageDaysToSettle(), c.highRiskOpen());
	}

	private DisputeMetrics.Metrics figures(String from, String to) {
		LocalDate today = LocalDate.now(DISTRICT_ZONE);
		LocalDate end = RequestParams.date(to, today);
		LocalDate start = RequestParams.date(from, today.withDayOfYear(1));
		return metrics.metrics(start.isAfter(end) ? end : start, end, scope());
	}

	private String form(Model model, BusinessRuleException error) {
		model.addAttribute("error", error);
		model.addAttribute("units", units.list(scope()).stream().filter(UnitView::active).toList());
		model.addAttribute("sources", Disputes.Source.values());
		model.addAttribute("types", DisputeType.values());
		model.addAttribute("risks", RiskLevel.values());
		return "disputes/dispute-form";
	}

	private static List<Disputes.Party> parties(List<String> sides, List<String> names, List<String> phones) {
		List<Disputes.Party> parties = new ArrayList<>();
		for (int i = 0; names != null && i < names.size(); i++) {
			parties.add(new Disputes.Party(sides != null && i < sides.size() ? sides.get(i) : null, names.get(i),
					phones != null && i < phones.size() ? phones.get(i) : null));
		}
		return parties;
	}

	private static BigDecimal amount(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new BusinessRuleException("amount", "disputes.error.amount");
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}
}
