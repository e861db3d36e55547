package org.minyi.workplan.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.workplan.LedgerKind;
import org.minyi.workplan.Ledgers;
import org.minyi.workplan.Ledgers.FieldProblem;
import org.minyi.workplan.Ledgers.LedgerEntry;
import org.minyi.workplan.Ledgers.LedgerFilter;
import org.springframework.context.MessageSource;
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
 * The ledgers of the units: an overview of the six kinds, then per kind a filtered list with Excel
 * export, an import from an Excel/CSV template, and a form to add or edit an entry. Unit officers
 * keep the ledgers of their subtree; the district keeps any unit's; leaders read.
 */
@Controller
@RequestMapping("/workplan/ledgers")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class LedgerController {

	private static final String EDIT = "hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER')";

	/** Form inputs carry this prefix so that field names never meet the form's own parameters. */
	private static final String FIELD_PREFIX = "f_";

	private final Ledgers ledgers;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	LedgerController(Ledgers ledgers, UnitManagement units, MessageSource messages, Flash flash) {
		this.ledgers = ledgers;
		this.units = units;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("kinds", LedgerKind.values());
		model.addAttribute("counts", ledgers.counts(scope()));
		return "workplan/ledgers";
	}

	@GetMapping("/{slug}")
	String list(@PathVariable String slug, @RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String category, @RequestParam(required = false) Integer page, Model model) {
		LedgerKind kind = kind(slug);
		LedgerFilter filter = new LedgerFilter(unit, year, category);
		model.addAttribute("entries", ledgers.list(kind, filter, scope(), PageRequest.of(page, 50, null, null)));
		if (kind == LedgerKind.FUNDING) {
			model.addAttribute("totals", ledgers.fundingTotals(filter, scope()));
		}
		model.addAttribute("filter", filter);
		return listPage(model, kind);
	}

	@GetMapping("/{slug}/export")
	void export(@PathVariable String slug, @RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String category, HttpServletResponse response, Locale locale) throws IOException {
		LedgerKind kind = kind(slug);
		List<String> headers = new ArrayList<>(ledgers.headers(kind, locale));
		headers.add(messages.getMessage("ledger.column.updatedBy", null, locale));
		headers.add(messages.getMessage("ledger.column.updatedAt", null, locale));
		ExcelDownload.send(response, "ledger-" + slug, messages.getMessage(kind.messageKey(), null, locale), headers,
				sheet -> ledgers.export(kind, new LedgerFilter(unit, year, category), scope(), sheet, locale));
	}

	/** An empty workbook with the import columns, to fill in. */
	@GetMapping("/{slug}/template")
	@PreAuthorize(EDIT)
	void template(@PathVariable String slug, HttpServletResponse response, Locale locale) throws IOException {
		LedgerKind kind = kind(slug);
		ExcelDownload.send(response, "ledger-" + slug + "-template", messages.getMessage(kind.messageKey(), null, locale),
				ledgers.headers(kind, locale), sheet -> {
				});
	}

	@PostMapping("/{slug}/import")
	@PreAuthorize(EDIT)
	String importFile(@PathVariable String slug, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		LedgerKind kind = kind(slug);
		Ledgers.ImportResult result;
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			result = ledgers.importFile(kind, in, scope());
		}
		if (result.succeeded()) {
			flash.success(redirect, "ledger.import.done", result.created());
			return "redirect:/workplan/ledgers/" + slug;
		}
		model.addAttribute("importProblems", result.problems());
		model.addAttribute("entries", ledgers.list(kind, new LedgerFilter(null, null, null), scope(), PageRequest.of(0, 50, null, null)));
		model.addAttribute("filter", new LedgerFilter(null, null, null));
		return listPage(model, kind);
	}

	@GetMapping("/{slug}/new")
	@PreAuthorize(EDIT)
	String newEntry(@PathVariable String slug, Model model) {
		return form(model, kind(slug), null, CurrentUser.required().unitId(), Map.of(), List.of());
	}

	@PostMapping("/{slug}")
	@PreAuthorize(EDIT)
	String create(@PathVariable String slug, @RequestParam(defaultValue = "-1") long unitId, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		LedgerKind kind = kind(slug);
		Map<String, String> values = fieldValues(params);
		try {
			ledgers.create(kind, unitId, values, scope());
		}
		catch (Ledgers.InvalidEntry e) {
			return form(model, kind, null, unitId, values, e.problems());
		}
		catch (BusinessRuleException e) {
			return form(model, kind, null, unitId, values, List.of(new FieldProblem("unitId", e.messageKey(), e.arguments())));
		}
		flash.success(redirect, "ledger.saved");
		return "redirect:/workplan/ledgers/" + slug;
	}

	@GetMapping("/{slug}/{id}")
	String entry(@PathVariable String slug, @PathVariable long id, Model model) {
		LedgerEntry entry = entry(slug, id);
		return form(model, entry.kind(), entry, entry.unitId(), entry.values(), List.of());
	}

	@PostMapping("/{slug}/{id}")
	@PreAuthorize(EDIT)
	String update(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		LedgerEntry entry = entry(slug, id);
		Map<String, String> values = fieldValues(params);
		try {
			ledgers.update(id, version, values, scope());
		}
		catch (Ledgers.InvalidEntry e) {
			return form(model, entry.kind(), entry, entry.unitId(), values, e.problems());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/workplan/ledgers/" + slug + "/" + id;
		}
		flash.success(redirect, "ledger.saved");
		return "redirect:/workplan/ledgers/" + slug;
	}

	@PostMapping("/{slug}/{id}/delete")
	@PreAuthorize(EDIT)
	String delete(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
		entry(slug, id);
		try {
			ledgers.delete(id, scope());
			flash.success(redirect, "ledger.deleted");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/workplan/ledgers/" + slug + "/" + id;
		}
		return "redirect:/workplan/ledgers/" + slug;
	}

	private String listPage(Model model, LedgerKind kind) {
		model.addAttribute("kind", kind);
		model.addAttribute("unitNames", units.names());
		model.addAttribute("units", units.list(scope()));
		return "workplan/ledger-list";
	}

	private String form(Model model, LedgerKind kind, LedgerEntry entry, long unitId, Map<String, String> values,
			List<FieldProblem> problems) {
		Map<String, FieldProblem> byField = new HashMap<>();
		problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
		model.addAttribute("kind", kind);
		model.addAttribute("entry", entry);
		model.addAttribute("unitId", unitId);
		model.addAttribute("values", values);
		model.addAttribute("problems", byField);
		model.addAttribute("units", units.list(scope()).stream().filter(UnitView::active).toList());
		return "workplan/ledger-form";
	}

	private static Map<String, String> fieldValues(Map<String, String> params) {
		Map<String, String> values = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(FIELD_PREFIX)) {
				values.put(name.substring(FIELD_PREFIX.length()), value);
			}
		});
		return values;
	}

	private LedgerEntry entry(String slug, long id) {
		LedgerEntry entry = ledgers.find(id, scope());
		if (entry.kind() != kind(slug)) {
			throw new RecordNotFoundException("ledger_entry", id);
		}
		return entry;
	}

	private static LedgerKind kind(String slug) {
		return LedgerKind.fromSlug(slug).orElseThrow(() -> new RecordNotFoundException("ledger", slug));
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}
}
