package org.minyi.survey.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitSearch;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.Flash;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.InstrumentDefinition;
import org.minyi.survey.InstrumentVersion;
import org.minyi.survey.instrumentfile.InstrumentFileException;
import org.minyi.survey.instrumentfile.InstrumentFiles;
import org.minyi.survey.instrumentfile.InstrumentProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Instrument list, preview, YAML import/export, draft editing and publishing. */
@Controller
@RequestMapping("/survey/instruments")
@PreAuthorize(InstrumentController.VIEW)
class InstrumentController {

	static final String VIEW = "hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR','INTERVIEWER','LEADER')";

	static final String EDIT = "hasRole('DISTRICT_ADMIN')";

	private final InstrumentCatalog catalog;

	private final UnitManagement units;

	private final Flash flash;

	InstrumentController(InstrumentCatalog catalog, UnitManagement units, Flash flash) {
		this.catalog = catalog;
		this.units = units;
		this.flash = flash;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("versions", catalog.list());
		return "survey/instruments";
	}

	@GetMapping("/{id}")
	String preview(@PathVariable long id, Model model) {
		InstrumentVersion version = load(id);
		model.addAttribute("instrument", version);
		model.addAttribute("townships", units.search(new UnitSearch(null, UnitKind.TOWNSHIP, true),
				CurrentUser.required().dataScope(), new PageRequest(0, PageRequest.MAX_SIZE, "code", false)).items());
		if (version.isDraft() && !model.containsAttribute("yaml")) {
			model.addAttribute("yaml", new String(catalog.file(id), StandardCharsets.UTF_8));
		}
		return "survey/instrument";
	}

	@GetMapping("/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		InstrumentVersion version = load(id);
		String filename = version.code() + "-v" + version.version() + ".yaml";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(catalog.file(id));
	}

	@PostMapping("/import")
	@PreAuthorize(EDIT)
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			return created(catalog.addDraft(InstrumentFiles.read(in)), redirect);
		}
		catch (InstrumentFileException e) {
			model.addAttribute("problems", e.problems());
			return list(model);
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/survey/instruments";
		}
	}

	@PostMapping("/{id}/draft")
	@PreAuthorize(EDIT)
	String newDraft(@PathVariable long id, RedirectAttributes redirect) {
		try {
			return created(catalog.newDraftFrom(id), redirect);
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/survey/instruments";
		}
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDIT)
	String saveDraft(@PathVariable long id, @RequestParam(defaultValue = "") String yaml, Model model,
			RedirectAttributes redirect) {
		List<InstrumentProblem> problems;
		try {
			InstrumentDefinition definition = InstrumentFiles.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
			catalog.replaceDraft(id, definition);
			flash.success(redirect, "instrument.saved");
			return "redirect:/survey/instruments/" + id;
		}
		catch (InstrumentFileException e) {
			problems = e.problems();
		}
		catch (BusinessRuleException e) {
			problems = List.of(new InstrumentProblem("", e.messageKey(), e.arguments()));
		}
		model.addAttribute("problems", problems);
		model.addAttribute("yaml", yaml);
		return preview(id, model);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize(EDIT)
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		try {
			InstrumentVersion published = catalog.publish(id);
			flash.success(redirect, "instrument.published", published.code(), published.version());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/survey/instruments/" + id;
	}

	private String created(InstrumentVersion draft, RedirectAttributes redirect) {
		flash.success(redirect, "instrument.draftCreated", draft.code(), draft.version());
		return "redirect:/survey/instruments/" + draft.id();
	}

	private InstrumentVersion load(long id) {
		return catalog.find(id).orElseThrow(() -> new RecordNotFoundException("instrument_version", id));
	}
}
