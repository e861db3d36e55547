package org.minyi.org.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.org.PopulationCell;
import org.minyi.org.UnitFiles;
import org.minyi.org.UnitImportResult;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitSearch;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the organisation tree: tree and search, detail, create/edit/deactivate, import/export. */
@Controller
@RequestMapping("/org/units")
@PreAuthorize(UnitController.VIEW)
class UnitController {

	static final String VIEW = "hasAnyRole('DISTRICT_ADMIN','SYSTEM_ADMIN','LEADER','UNIT_OFFICER','SURVEY_SUPERVISOR')";

	static final String EDIT = "hasAnyRole('DISTRICT_ADMIN','SYSTEM_ADMIN')";

	private final UnitManagement units;

	private final UnitFiles files;

	private final MessageSource messages;

	private final Flash flash;

	UnitController(UnitManagement units, UnitFiles files, MessageSource messages, Flash flash) {
		this.units = units;
		this.files = files;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String index(@RequestParam(required = false) String q, @RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		DataScope scope = scope();
		UnitSearch search = new UnitSearch(q, kind, active);
		boolean searching = (q != null && !q.isBlank()) || kind != null || active != null;
		model.addAttribute("search", search);
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("searching", searching);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", dir);
		if (searching) {
			model.addAttribute("results", units.search(search, scope, PageRequest.of(page, 50, sort, dir)));
		}
		else {
			model.addAttribute("tree", units.tree(scope));
		}
		return "true".equals(htmx) ? "org/units :: results" : "org/units";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		UnitView unit = find(id);
		model.addAttribute("unit", unit);
		model.addAttribute("parent", unit.parentId() == null ? null : units.findById(unit.parentId()).orElse(null));
		model.addAttribute("children", units.tree(DataScope.subtree(unit.id(), unit.path())).get(0).children());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("ageGroups", AgeGroup.values());
		return "org/unit";
	}

	@GetMapping("/new")
	@PreAuthorize(EDIT)
	String createForm(@RequestParam(required = false) Long parent, Model model) {
		UnitForm form = new UnitForm();
		if (parent != null) {
			UnitView parentUnit = find(parent);
			form.setParentCode(parentUnit.code());
			form.setKind(defaultChildKind(parentUnit.kind()));
		}
		return form(model, form, null);
	}

	@PostMapping
	@PreAuthorize(EDIT)
	String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form, null);
		}
		try {
			UnitView unit = units.create(form.toDraft());
			flash.success(redirect, "unit.created", unit.name());
			return "redirect:/org/units/" + unit.id();
		}
		catch (BusinessRuleException e) {
			reject(errors, e);
			return form(model, form, null);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDIT)
	String editForm(@PathVariable long id, Model model) {
		UnitView unit = find(id);
		String parentCode = unit.parentId() == null ? null : units.findById(unit.parentId()).map(UnitView::code).orElse(null);
		return form(model, UnitForm.of(unit, parentCode), unit);
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDIT)
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitView unit = find(id);
		form.setCode(unit.code());
		if (errors.hasErrors()) {
			return form(model, form, unit);
		}
		try {
			units.update(id, form.toDraft(), scope());
			flash.success(redirect, "unit.updated", form.getName());
			return "redirect:/org/units/" + id;
		}
		catch (BusinessRuleException e) {
			reject(errors, e);
			return form(model, form, unit);
		}
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize(EDIT)
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		return changeState(id, true, redirect);
	}

	@PostMapping("/{id}/reactivate")
	@PreAuthorize(EDIT)
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		return changeState(id, false, redirect);
	}

	private String changeState(long id, boolean deactivate, RedirectAttributes redirect) {
		try {
			UnitView unit = deactivate ? units.deactivate(id, scope()) : units.reactivate(id, scope());
			flash.success(redirect, deactivate ? "unit.deactivated" : "unit.reactivated", unit.name());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/org/units/" + id;
	}

	@GetMapping("/export")
	void export(HttpServletResponse response, Locale locale) throws IOException {
		DataScope scope = scope();
		List<String> headers = new ArrayList<>(files.headers(locale));
		headers.add(messages.getMessage("unit.file.column.STATUS", null, locale));
		ExcelDownload.send(response, "units", messages.getMessage("nav.units", null, locale), headers,
				sheet -> files.export(sheet, scope, locale));
	}

	@GetMapping("/template")
	@PreAuthorize(EDIT)
	void template(HttpServletResponse response, Locale locale) throws IOException {
		ExcelDownload.send(response, "units-template", messages.getMessage("nav.units", null, locale),
				files.headers(locale), sheet -> {
				});
	}

	@GetMapping("/import")
	@PreAuthorize(EDIT)
	String importForm() {
		return "org/import";
	}

	@PostMapping("/import")
	@PreAuthorize(EDIT)
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		UnitImportResult result;
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			result = files.importFile(in);
		}
		model.addAttribute("result", result);
		return "org/import";
	}

	private String form(Model model, UnitForm form, UnitView existing) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("cells", PopulationCell.all());
		return "org/unit-form";
	}

	private UnitView find(long id) {
		return units.find(id, scope()).orElseThrow(() -> new RecordNotFoundException("unit", id));
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}

	private static void reject(BindingResult errors, BusinessRuleException e) {
		if (e.field() != null) {
			errors.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
		}
		else {
			errors.reject(e.messageKey(), e.arguments(), e.messageKey());
		}
	}

	private static UnitKind defaultChildKind(UnitKind parent) {
		return switch (parent) {
			case DISTRICT -> UnitKind.TOWNSHIP;
			case TOWNSHIP -> UnitKind.COMMUNITY;
			default -> UnitKind.INSTITUTION;
		};
	}
}
