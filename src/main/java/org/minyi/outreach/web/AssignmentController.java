package org.minyi.outreach.web;

import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.Visits;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.RequestParams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contact assignments: who answers for which community or household, how often they visit, who is behind. */
@Controller
@RequestMapping("/outreach/assignments")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class AssignmentController {

	private static final String WORK = "hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER')";

	private final Visits visits;

	private final UnitManagement units;

	private final AccountManagement accounts;

	private final Flash flash;

	AssignmentController(Visits visits, UnitManagement units, AccountManagement accounts, Flash flash) {
		this.visits = visits;
		this.units = units;
		this.accounts = accounts;
		this.flash = flash;
	}

	@GetMapping
	String assignments(Model model) {
		model.addAttribute("assignments", visits.assignments(null, scope()));
		model.addAttribute("unitNames", units.names());
		model.addAttribute("units", units.list(scope()).stream().filter(UnitView::active).toList());
		model.addAttribute("cadres", accounts.enabledUsernames(java.util.List.of(Role.UNIT_OFFICER, Role.DISTRICT_ADMIN)));
		model.addAttribute("frequencies", Visits.Frequency.values());
		return "outreach/assignments";
	}

	@PostMapping
	@PreAuthorize(WORK)
	String assign(@RequestParam(defaultValue = "") String cadre, @RequestParam(defaultValue = "-1") long unitId,
			@RequestParam(required = false) String household, @RequestParam(required = false) String frequency, RedirectAttributes redirect) {
		try {
			visits.assign(cadre, unitId, household, RequestParams.enumOf(Visits.Frequency.class, frequency), scope());
			flash.success(redirect, "outreach.assignment.created");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/outreach/assignments";
	}

	@PostMapping("/{id}/end")
	@PreAuthorize(WORK)
	String end(@PathVariable long id, RedirectAttributes redirect) {
		try {
			visits.end(id, scope());
			flash.success(redirect, "outreach.assignment.ended");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/outreach/assignments";
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}
}
