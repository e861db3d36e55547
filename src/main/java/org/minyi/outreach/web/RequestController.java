package org.minyi.outreach.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests;
import org.minyi.outreach.CitizenRequests.NewRequest;
import org.minyi.outreach.CitizenRequests.RequestFilter;
import org.minyi.outreach.CitizenRequests.RequestView;
import org.minyi.outreach.RequestAction;
import org.minyi.outreach.RequestCategory;
import org.minyi.outreach.RequestSource;
import org.minyi.outreach.RequestStatus;
import org.minyi.outreach.Satisfaction;
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
 * Citizen requests for staff: the list with filters and export, entry of a request taken on the
 * hotline or a visit, and a request's page with its history, the unit's handling and answer, the
 * district's assignment, follow-up call and dismissal.
 */
@Controller
@RequestMapping("/outreach/requests")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class RequestController {

	private static final String WORK = "hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER')";

	private static final int EXPORT_PAGE = PageRequest.MAX_SIZE;

	private final CitizenRequests requests;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	RequestController(CitizenRequests requests, UnitManagement units, MessageSource messages, Flash flash) {
		this.requests = requests;
		this.units = units;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) Integer page, Model model) {
		RequestFilter filter = filter(status, category, unit, from, to, overdue);
		model.addAttribute("requests", requests.list(filter, scope(), PageRequest.of(page, 50, null, null)));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("categories", RequestCategory.values());
		model.addAttribute("units", units.list(scope()));
		model.addAttribute("unitNames", units.names());
		return "outreach/requests";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean overdue, HttpServletResponse response, Locale locale) throws IOException {
		RequestFilter filter = filter(status, category, unit, from, to, overdue);
		Map<Long, String> names = units.names();
		DataScope scope = scope();
		ExcelDownload.send(response, "requests", text("outreach.requests.title", locale),
				List.of(text("outreach.request.reference", locale), text("outreach.request.receivedAt", locale),
						text("outreach.request.source", locale), text("outreach.request.category", locale), text("outreach.request.title", locale),
						text("outreach.request.contact", locale), text("unit.name", locale), text("outreach.request.status", locale),
						text("outreach.request.due", locale), text("outreach.request.answeredInTime", locale),
						text("outreach.request.satisfaction", locale)),
				sheet -> {
					for (int page = 0;; page++) {
						PageResult<RequestView> batch = requests.list(filter, scope, PageRequest.of(page, EXPORT_PAGE, null, null));
						batch.items().forEach(r -> sheet.row(java.util.Arrays.asList(r.reference(), r.receivedAt(), text(r.source().messageKey(), locale),
								text(r.category().messageKey(), locale), r.title(), r.contactPhoneMasked(), r.unitId() == null ? "" : names.get(r.unitId()),
								text(r.status().messageKey(), locale), r.dueDate(),
								r.answeredInTime() == null ? "" : text(r.answeredInTime() ? "action.yes" : "action.no", locale),
								r.satisfaction() == null ? "" : text(r.satisfaction().messageKey(), locale))));
						if (!batch.hasNext()) {
							break;
						}
					}
				});
	}

	@GetMapping("/new")
	@PreAuthorize(WORK)
	String newRequest(Model model) {
		return form(model, new RequestForm(RequestSource.HOTLINE, RequestCategory.OTHER, "", "", "", "", "",
				scope().districtWide() ? null : CurrentUser.required().unitId()), null);
	}

	@PostMapping
	@PreAuthorize(WORK)
	String create(RequestForm form, Model model, RedirectAttributes redirect) {
		RequestView created;
		try {
			created = requests.receive(new NewRequest(form.source() == null || form.source() == RequestSource.WEB_FORM ? RequestSource.HOTLINE
					: form.source(), form.category(), form.title(), form.description(), form.location(), form.contactName(), form.contactPhone(),
					form.unitId()), scope());
		}
		catch (BusinessRuleException e) {
			return form(model, form, e);
		}
		flash.success(redirect, "outreach.request.created", created.reference());
		return "redirect:/outreach/requests/" + created.id();
	}

	@GetMapping("/{id}")
	String request(@PathVariable long id, Model model) {
		RequestView request = requests.find(id, scope());
		model.addAttribute("request", request);
		model.addAttribute("history", requests.history(id, scope()));
		model.addAttribute("unitNames", units.names());
		model.addAttribute("assignable", units.list(scope()).stream().filter(UnitView::active).toList());
		model.addAttribute("satisfactions", Satisfaction.values());
		return "outreach/request";
	}

	@PostMapping("/{id}/act")
	@PreAuthorize(WORK)
	String act(@PathVariable long id, @RequestParam(defaultValue = "") String action, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) String comment, @RequestParam(required = false) String satisfaction,
			@RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect, Locale locale) {
		try {
			RequestAction chosen = RequestParams.enumOf(RequestAction.class, action);
			if (chosen == null) {
				throw BusinessRuleException.of("outreach.request.error.transition");
			}
			RequestView after = requests.act(id, chosen, unitId, comment, RequestParams.enumOf(Satisfaction.class, satisfaction), version, scope());
			flash.success(redirect, "outreach.request.moved", text(after.status().messageKey(), locale));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/outreach/requests/" + id;
	}

	@PostMapping("/{id}/notes")
	@PreAuthorize(WORK)
	String note(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			requests.addNote(id, note, scope());
			flash.success(redirect, "outreach.request.noted");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/outreach/requests/" + id;
	}

	/** Shows the resident's name and phone on the request's page; the reading is audited. */
	@PostMapping("/{id}/contact")
	@PreAuthorize(WORK)
	String contact(@PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("contact", requests.revealContact(id, scope()));
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/outreach/requests/" + id;
		}
		return request(id, model);
	}

	private String form(Model model, RequestForm form, BusinessRuleException error) {
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("sources", List.of(RequestSource.HOTLINE, RequestSource.VISIT, RequestSource.SURVEY));
		model.addAttribute("categories", RequestCategory.values());
		model.addAttribute("units", units.list(scope()).stream().filter(UnitView::active).toList());
		return "outreach/request-form";
	}

	private RequestFilter filter(String status, String category, Long unit, String from, String to, boolean overdue) {
		return new RequestFilter(RequestParams.enumOf(RequestStatus.class, status), RequestParams.enumOf(RequestCategory.class, category), unit, RequestParams.date(from), RequestParams.date(to),
				overdue);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}

	/** The staff entry form: what the hotline operator or the visiting cadre types. */
	record RequestForm(RequestSource source, RequestCategory category, String title, String description, String location,
			String contactName, String contactPhone, Long unitId) {
	}
}
