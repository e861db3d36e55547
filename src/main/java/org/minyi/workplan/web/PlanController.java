package org.minyi.workplan.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.Flash;
import org.minyi.workplan.ExpectedEvidence;
import org.minyi.workplan.ItemDraft;
import org.minyi.workplan.PlanSection;
import org.minyi.workplan.TargetGroup;
import org.minyi.workplan.WorkPlans;
import org.minyi.workplan.WorkPlans.ItemView;
import org.minyi.workplan.WorkPlans.PlanView;
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

/** District work plans: create from the template, edit items, publish (which assigns the tasks). */
@Controller
@RequestMapping("/workplan/plans")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER')")
class PlanController {

	private final WorkPlans plans;

	private final UnitManagement units;

	private final Flash flash;

	PlanController(WorkPlans plans, UnitManagement units, Flash flash) {
		this.plans = plans;
		this.units = units;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("plans", plans.list());
		return "workplan/plans";
	}

	@PostMapping
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String startDate,
			RedirectAttributes redirect) {
		try {
			PlanView plan = plans.createFromTemplate(name, date(startDate, "startDate", "workplan.plan.error.startDate"));
			flash.success(redirect, "workplan.plan.created");
			return "redirect:/workplan/plans/" + plan.id();
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/workplan/plans";
		}
	}

	@GetMapping("/{id}")
	String plan(@PathVariable long id, Model model) {
		PlanView plan = plans.find(id).orElseThrow(() -> new RecordNotFoundException("work_plan", id));
		Map<PlanSection, List<ItemView>> sections = new LinkedHashMap<>();
		Arrays.stream(PlanSection.values()).forEach(s -> sections.put(s, new ArrayList<>()));
		plans.items(id).forEach(item -> sections.get(item.section()).add(item));
		model.addAttribute("plan", plan);
		model.addAttribute("sections", sections);
		model.addAttribute("unitNames", units.names());
		formOptions(model);
		return "workplan/plan";
	}

	@GetMapping("/{id}/items/{itemId}")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String editItem(@PathVariable long id, @PathVariable long itemId, Model model) {
		model.addAttribute("plan", plans.find(id).orElseThrow(() -> new RecordNotFoundException("work_plan", id)));
		model.addAttribute("item", plans.item(id, itemId).orElseThrow(() -> new RecordNotFoundException("plan_item", itemId)));
		formOptions(model);
		return "workplan/item";
	}

	@PostMapping("/{id}/items/{itemId}")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String saveItem(@PathVariable long id, @PathVariable long itemId, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		try {
			plans.updateItem(id, itemId, draft(form));
			flash.success(redirect, "workplan.item.saved");
			return "redirect:/workplan/plans/" + id;
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/workplan/plans/" + id + "/items/" + itemId;
		}
	}

	@PostMapping("/{id}/items")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String addItem(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			plans.addItem(id, draft(form));
			flash.success(redirect, "workplan.item.added");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/plans/" + id;
	}

	@PostMapping("/{id}/items/{itemId}/remove")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String removeItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
		try {
			plans.removeItem(id, itemId);
			flash.success(redirect, "workplan.item.removed");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/plans/" + id;
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		try {
			flash.success(redirect, "workplan.plan.publishedDone", plans.publish(id));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/plans/" + id;
	}

	private void formOptions(Model model) {
		model.addAttribute("sectionOptions", PlanSection.values());
		model.addAttribute("evidenceOptions", ExpectedEvidence.values());
		model.addAttribute("groupOptions", TargetGroup.values());
		model.addAttribute("nameableUnits", units.list(DataScope.wholeDistrict()).stream()
			.filter(u -> u.active() && u.kind() != UnitKind.DISTRICT && u.kind() != UnitKind.COMMUNITY)
			.toList());
	}


	private static ItemDraft draft(MultiValueMap<String, String> form) {
		try {
			Set<TargetGroup> groups = form.getOrDefault("targetGroups", List.of()).stream().map(TargetGroup::valueOf)
				.collect(Collectors.toSet());
			Set<Long> named = form.getOrDefault("targetUnits", List.of()).stream().filter(v -> !v.isBlank()).map(Long::valueOf)
				.collect(Collectors.toSet());
			return new ItemDraft(PlanSection.valueOf(form.getFirst("section")), form.getFirst("title"), form.getFirst("description"),
					date(form.getFirst("dueDate"), "dueDate", "workplan.item.error.incomplete"),
					ExpectedEvidence.valueOf(form.getFirst("evidence")), groups, named);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new BusinessRuleException("form", "workplan.item.error.incomplete");
		}
	}

	private static LocalDate date(String value, String field, String messageKey) {
		try {
			return LocalDate.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException e) {
			throw new BusinessRuleException(field, messageKey);
		}
	}
}
