package org.minyi.outreach.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.SpecialGroups;
import org.minyi.outreach.SpecialGroupKinds;
import org.minyi.outreach.SpecialGroups.MemberView;
import org.minyi.outreach.Visits;
import org.minyi.platform.BusinessRuleException;
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

/** The special-group registry: members with their care schedule (masked), registration, a member's page with care visits. */
@Controller
@RequestMapping("/outreach/special-groups")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class SpecialGroupController {

	private static final String WORK = "hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER')";

	private final SpecialGroups groups;

	private final SpecialGroupKinds kinds;

	private final UnitManagement units;

	private final AccountManagement accounts;

	private final MessageSource messages;

	private final Flash flash;

	SpecialGroupController(SpecialGroups groups, SpecialGroupKinds kinds, UnitManagement units, AccountManagement accounts,
			MessageSource messages, Flash flash) {
		this.groups = groups;
		this.kinds = kinds;
		this.units = units;
		this.accounts = accounts;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "false") boolean missed, Model model, Locale locale) {
		model.addAttribute("members", groups.list(unit, blankToNull(kind), missed, scope()));
		model.addAttribute("unit", unit);
		model.addAttribute("kind", blankToNull(kind));
		model.addAttribute("missed", missed);
		model.addAttribute("kinds", kinds.all());
		model.addAttribute("kindNames", kinds.labels(locale));
		model.addAttribute("units", units.list(scope()));
		model.addAttribute("unitNames", units.names());
		return "outreach/special-groups";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "false") boolean missed, HttpServletResponse response, Locale locale) throws IOException {
		List<MemberView> members = groups.list(unit, blankToNull(kind), missed, scope());
		Map<Long, String> names = units.names();
		Map<String, String> kindNames = kinds.labels(locale);
		List<String> headers = Arrays.stream(new String[] { "kind", "name", "idNumber", "phone", "address", "unit", "cadre", "frequency",
				"lastCare", "nextCare" }).map(key -> messages.getMessage("outreach.group.column." + key, null, locale)).toList();
		ExcelDownload.send(response, "special-groups", messages.getMessage("outreach.groups.title", null, locale), headers,
				sheet -> members.forEach(m -> sheet.row(Arrays.asList(kindNames.get(m.kind()), m.nameMasked(),
						m.idMasked(), m.phoneMasked(), m.addressMasked(), names.get(m.unitId()), m.cadre(),
						messages.getMessage(m.careFrequency().messageKey(), null, locale), m.lastCare(), m.nextCare()))));
	}

	@GetMapping("/new")
	@PreAuthorize(WORK)
	String newMember(Model model, Locale locale) {
		return form(model, null, locale);
	}

	@PostMapping
	@PreAuthorize(WORK)
	String register(@RequestParam(defaultValue = "-1") long unitId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String address,
			@RequestParam(required = false) String needs, @RequestParam(required = false) String frequency,
			@RequestParam(required = false) String cadre, Model model, Locale locale, RedirectAttributes redirect) {
		MemberView member;
		try {
			member = groups.register(new SpecialGroups.NewMember(unitId, kind, name, idNumber, phone, address,
					needs, RequestParams.enumOf(Visits.Frequency.class, frequency), cadre), scope());
		}
		catch (BusinessRuleException e) {
			return form(model, e, locale);
		}
		flash.success(redirect, "outreach.group.registered");
		return "redirect:/outreach/special-groups/" + member.id();
	}

	@GetMapping("/{id}")
	String member(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("member", groups.find(id, scope()));
		model.addAttribute("kindNames", kinds.labels(locale));
		model.addAttribute("care", groups.careVisits(id, scope()));
		model.addAttribute("unitNames", units.names());
		model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Shanghai")));
		return "outreach/special-group";
	}

	/** Shows the member's personal data on the page; the reading is audited. */
	@PostMapping("/{id}/reveal")
	@PreAuthorize(WORK)
	String reveal(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("person", groups.reveal(id, scope()));
		return member(id, model, locale);
	}

	@PostMapping("/{id}/care")
	@PreAuthorize(WORK)
	String care(@PathVariable long id, @RequestParam(defaultValue = "") String visitedOn, @RequestParam(required = false) String notes,
			RedirectAttributes redirect) {
		try {
			groups.logCare(id, RequestParams.date(visitedOn), notes, CurrentUser.required().username(), scope());
			flash.success(redirect, "outreach.group.cared");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/outreach/special-groups/" + id;
	}

	private String form(Model model, BusinessRuleException error, Locale locale) {
		model.addAttribute("error", error);
		model.addAttribute("kinds", kinds.active());
		model.addAttribute("kindNames", kinds.labels(locale));
		model.addAttribute("frequencies", Visits.Frequency.values());
		model.addAttribute("units", units.list(scope()).stream().filter(UnitView::active).toList());
		model.addAttribute("cadres", accounts.enabledUsernames(List.of(Role.UNIT_OFFICER, Role.DISTRICT_ADMIN)));
		model.addAttribute("me", CurrentUser.required().username());
		return "outreach/special-group-form";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}
}
