package org.minyi.outreach.web;

import org.minyi.outreach.SpecialGroupKinds;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The district's list of special-group kinds: add, rename, retire and take back into use. */
@Controller
@RequestMapping("/outreach/special-groups/kinds")
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
class SpecialGroupKindController {

	private static final String PAGE = "redirect:/outreach/special-groups/kinds";

	private final SpecialGroupKinds kinds;

	private final Flash flash;

	SpecialGroupKindController(SpecialGroupKinds kinds, Flash flash) {
		this.kinds = kinds;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("kinds", kinds.all());
		return "outreach/special-group-kinds";
	}

	@PostMapping
	String add(@RequestParam(required = false) String name, @RequestParam(required = false) String nameEn, RedirectAttributes redirect) {
		try {
			flash.success(redirect, "outreach.groupKind.added", kinds.add(name, nameEn).name());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return PAGE;
	}

	@PostMapping("/{code}")
	String rename(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String nameEn,
			RedirectAttributes redirect) {
		try {
			flash.success(redirect, "outreach.groupKind.renamed", kinds.rename(code, name, nameEn).name());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return PAGE;
	}

	@PostMapping("/{code}/active")
	String setActive(@PathVariable String code, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		try {
			var kind = kinds.setActive(code, active);
			flash.success(redirect, active ? "outreach.groupKind.activated" : "outreach.groupKind.retired", kind.name());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return PAGE;
	}
}
