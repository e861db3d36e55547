package org.minyi.fieldwork.web;

import org.minyi.fieldwork.DoNotCall;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The do-not-call list: masked numbers, added by staff or by interviewers on a call, removed on request. */
@Controller
@RequestMapping("/fieldwork/do-not-call")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR')")
class DoNotCallController {

	private final DoNotCall doNotCall;

	private final Flash flash;

	DoNotCallController(DoNotCall doNotCall, Flash flash) {
		this.doNotCall = doNotCall;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("entries", doNotCall.list());
		return "fieldwork/do-not-call";
	}

	@PostMapping
	String add(@RequestParam String number, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			flash.success(redirect, doNotCall.add(number, note) ? "fieldwork.dnc.added" : "fieldwork.dnc.already");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/do-not-call";
	}

	@PostMapping("/remove")
	String remove(@RequestParam String hash, RedirectAttributes redirect) {
		try {
			doNotCall.remove(hash);
			flash.success(redirect, "fieldwork.dnc.removed");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/do-not-call";
	}
}
