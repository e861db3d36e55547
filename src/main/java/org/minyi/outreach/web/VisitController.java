package org.minyi.outreach.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.RequestCategory;
import org.minyi.outreach.Visits;
import org.minyi.outreach.Visits.NewVisit;
import org.minyi.outreach.Visits.PhotoUpload;
import org.minyi.outreach.Visits.RaisedProblem;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.FileDownload;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Visits: the cadre's due visits and the visits logged in scope; a phone-friendly form to log a
 * visit with photos and up to three problems raised (each becomes a citizen request); a visit's page.
 */
@Controller
@RequestMapping("/outreach/visits")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class VisitController {

	private static final String WORK = "hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER')";

	/** Problem blocks on the form; more problems are more visits or requests. */
	private static final int PROBLEM_BLOCKS = 3;

	private final Visits visits;

	private final UnitManagement units;

	private final Flash flash;

	VisitController(Visits visits, UnitManagement units, Flash flash) {
		this.visits = visits;
		this.units = units;
		this.flash = flash;
	}

	@GetMapping
	String visits(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("due", visits.assignments(CurrentUser.required().username(), scope()));
		model.addAttribute("visits", visits.list(unit, scope(), PageRequest.of(page, 50, null, null)));
		model.addAttribute("unit", unit);
		model.addAttribute("units", units.list(scope()));
		model.addAttribute("unitNames", units.names());
		return "outreach/visits";
	}

	@GetMapping("/new")
	@PreAuthorize(WORK)
	String newVisit(@RequestParam(required = false) Long assignment, Model model) {
		return form(model, assignment, null);
	}

	@PostMapping
	@PreAuthorize(WORK)
	String log(@RequestParam(required = false) Long assignment, @RequestParam(required = false) Long unitId,
			@RequestParam(defaultValue = "") String visitedOn, @RequestParam(required = false) String household,
			@RequestParam(required = false) String peopleMet, @RequestParam(required = false) String topics,
			@RequestParam(required = false) List<String> problemCategory, @RequestParam(required = false) List<String> problemTitle,
			@RequestParam(required = false) List<String> problemDescription, @RequestParam(required = false) List<String> problemName,
			@RequestParam(required = false) List<String> problemPhone,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			List<PhotoUpload> uploads = new ArrayList<>();
			for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
				if (!photo.isEmpty()) {
					uploads.add(new PhotoUpload(photo.getOriginalFilename(), photo.getInputStream()));
				}
			}
			Visits.VisitView visit = visits.log(CurrentUser.required().username(), new NewVisit(assignment, unitId, RequestParams.date(visitedOn), household, number(peopleMet), topics,
					problems(problemCategory, problemTitle, problemDescription, problemName, problemPhone)), uploads, scope());
			flash.success(redirect, "outreach.visit.logged");
			return "redirect:/outreach/visits/" + visit.id();
		}
		catch (BusinessRuleException e) {
			return form(model, assignment, e);
		}
	}

	@GetMapping("/{id}")
	String visit(@PathVariable long id, Model model) {
		model.addAttribute("visit", visits.find(id, scope()));
		model.addAttribute("photos", visits.photos(id, scope()));
		model.addAttribute("raised", visits.raised(id, scope()));
		model.addAttribute("unitNames", units.names());
		return "outreach/visit";
	}

	@GetMapping("/{id}/photos/{photoId}")
	void photo(@PathVariable long id, @PathVariable long photoId, HttpServletResponse response) throws IOException {
		Visits.PhotoContent photo = visits.photo(id, photoId, scope());
		FileDownload.send(response, photo.photo().name(), photo.photo().contentType(), photo.photo().size(), photo.content());
	}

	private String form(Model model, Long assignment, BusinessRuleException error) {
		model.addAttribute("assignment", assignment == null ? null : visits.assignment(assignment, scope()));
		model.addAttribute("units", units.list(scope()).stream().filter(UnitView::active).toList());
		model.addAttribute("categories", RequestCategory.values());
		model.addAttribute("blocks", PROBLEM_BLOCKS);
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("error", error);
		return "outreach/visit-form";
	}

	/** The problem blocks that have a title; a block with a title but no category is refused by the request checks. */
	private static List<RaisedProblem> problems(List<String> categories, List<String> titles, List<String> descriptions, List<String> names,
			List<String> phones) {
		List<RaisedProblem> problems = new ArrayList<>();
		for (int i = 0; titles != null && i < titles.size(); i++) {
			if (titles.get(i) != null && !titles.get(i).isBlank()) {
				problems.add(new RaisedProblem(RequestParams.enumOf(RequestCategory.class, at(categories, i)), titles.get(i),
						at(descriptions, i) == null || at(descriptions, i).isBlank() ? titles.get(i) : at(descriptions, i), at(names, i),
						at(phones, i)));
			}
		}
		return problems;
	}

	private static String at(List<String> values, int index) {
		return values != null && index < values.size() ? values.get(index) : null;
	}

	private static Integer number(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}
}
