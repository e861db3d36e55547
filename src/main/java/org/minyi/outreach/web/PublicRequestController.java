package org.minyi.outreach.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minyi.outreach.CitizenRequests;
import org.minyi.outreach.RequestCategory;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.web.RequestParams;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public form (the district's "direct line"): any resident, with or without a name and phone, tells the district
 * about a problem and gets a reference number. No CAPTCHA: a hidden field that people leave empty
 * and a per-address limit keep robots out; text is size-limited and shown escaped.
 */
@Controller
@RequestMapping("/public/requests")
class PublicRequestController {

	private final CitizenRequests requests;

	private final PublicRequestThrottle throttle;

	PublicRequestController(CitizenRequests requests, PublicRequestThrottle throttle) {
		this.requests = requests;
		this.throttle = throttle;
	}

	/** The public pages' footer speaks of this form, not of the survey's anonymity. */
	@ModelAttribute("privacyNote")
	String privacyNote() {
		return "outreach.public.privacy";
	}

	@GetMapping
	String form(Model model) {
		return page(model, null, null, "", "", "", "", "");
	}

	@PostMapping
	String submit(@RequestParam(required = false) String category, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String location,
			@RequestParam(defaultValue = "") String contactName, @RequestParam(defaultValue = "") String contactPhone,
			@RequestParam(defaultValue = "") String website, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!throttle.allow(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return "outreach/public-busy";
		}
		RequestCategory chosen = RequestParams.enumOf(RequestCategory.class, category);
		if (!website.isEmpty()) {
			// only a robot fills the field people cannot see: thank it and keep nothing
			model.addAttribute("reference", null);
			return "outreach/public-thanks";
		}
		try {
			if (chosen == null) {
				throw new BusinessRuleException("category", "outreach.request.error.category");
			}
			model.addAttribute("reference", requests.receiveFromPublic(chosen, title, description, location, contactName, contactPhone));
			return "outreach/public-thanks";
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(model, e, chosen, title, description, location, contactName, contactPhone);
		}
	}

	private String page(Model model, BusinessRuleException error, RequestCategory category, String title, String description,
			String location, String contactName, String contactPhone) {
		model.addAttribute("error", error);
		model.addAttribute("categories", RequestCategory.values());
		model.addAttribute("category", category);
		model.addAttribute("title", title);
		model.addAttribute("description", description);
		model.addAttribute("location", location);
		model.addAttribute("contactName", contactName);
		model.addAttribute("contactPhone", contactPhone);
		return "outreach/public-request";
	}
}
