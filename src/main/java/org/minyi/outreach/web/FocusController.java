package org.minyi.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.outreach.CitizenRequests;
import org.minyi.outreach.PublicityTasks;
import org.minyi.outreach.Visits;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.RequestParams;
import org.minyi.scoring.FocusAreas;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.workplan.WorkPlans;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Closing the loop: from a round's results, the lowest-scoring townships, the indicators that pull
 * them down and the communities whose residents do; the district gives a community to a cadre for
 * regular visits, or a publicity task in a work plan, in one step.
 */
@Controller
@RequestMapping("/outreach/focus")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER')")
class FocusController {

	/** Townships shown: the bottom of the ranking is where visits pay most. */
	private static final int TOWNSHIPS = 3;

	/** Days a publicity task is given, as proposed on the page. */
	private static final int PUBLICITY_DAYS = 30;

	private final FocusAreas focus;

	private final RoundManagement rounds;

	private final Visits visits;

	private final UnitManagement units;

	private final AccountManagement accounts;

	private final PublicityTasks publicity;

	private final WorkPlans plans;

	private final Flash flash;

	private final Clock clock;

	FocusController(FocusAreas focus, RoundManagement rounds, Visits visits, UnitManagement units, AccountManagement accounts,
			PublicityTasks publicity, WorkPlans plans, Flash flash, Clock clock) {
		this.focus = focus;
		this.publicity = publicity;
		this.plans = plans;
		this.clock = clock;
		this.rounds = rounds;
		this.visits = visits;
		this.units = units;
		this.accounts = accounts;
		this.flash = flash;
	}

	@GetMapping
	String page(@RequestParam(required = false) Long round, Model model) {
		List<RoundView> scored = rounds.list().stream().filter(r -> r.status() != RoundStatus.DRAFT)
			.sorted(Comparator.comparing(RoundView::periodEnd).reversed()).toList();
		Long chosen = round != null ? round : scored.stream().map(RoundView::id).filter(focus::available).findFirst().orElse(null);
		model.addAttribute("rounds", scored);
		model.addAttribute("round", chosen);
		model.addAttribute("areas", chosen == null ? List.of() : focus.lowestTownships(chosen, TOWNSHIPS));
		model.addAttribute("unitNames", units.names());
		model.addAttribute("cadres", accounts.enabledUsernames(List.of(Role.UNIT_OFFICER, Role.DISTRICT_ADMIN)));
		model.addAttribute("frequencies", Visits.Frequency.values());
		model.addAttribute("plans", plans.list());
		model.addAttribute("publicityDue", LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE)).plusDays(PUBLICITY_DAYS));
		return "outreach/focus";
	}

	@PostMapping("/publicity")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String publicity(@RequestParam(required = false) Long round, @RequestParam(defaultValue = "-1") long unitId,
			@RequestParam(defaultValue = "-1") long planId, @RequestParam(required = false) String dueDate, RedirectAttributes redirect) {
		try {
			if (round == null) {
				throw new BusinessRuleException("round", "outreach.focus.none");
			}
			publicity.assign(round, unitId, planId, RequestParams.date(dueDate));
			flash.success(redirect, "outreach.focus.publicityAssigned", units.names().get(unitId));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return back(round);
	}

	@PostMapping("/assign")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String assign(@RequestParam(required = false) Long round, @RequestParam(defaultValue = "-1") long unitId,
			@RequestParam(defaultValue = "") String cadre, @RequestParam(required = false) String frequency, RedirectAttributes redirect) {
		try {
			visits.assign(cadre, unitId, null, RequestParams.enumOf(Visits.Frequency.class, frequency), CurrentUser.required().dataScope());
			flash.success(redirect, "outreach.focus.assigned", units.names().get(unitId), cadre);
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return back(round);
	}

	private static String back(Long round) {
		return "redirect:/outreach/focus" + (round == null ? "" : "?round=" + round);
	}
}
