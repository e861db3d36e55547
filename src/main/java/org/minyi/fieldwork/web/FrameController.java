package org.minyi.fieldwork.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minyi.fieldwork.SampleFrames;
import org.minyi.fieldwork.SampleFrames.FrameView;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.UploadFiles;
import org.minyi.survey.RoundManagement;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

/**
 * Sample frames: import a list of numbers, see it masked, download the refused rows, purge it.
 * A file is uploaded as the raw request body (the page sends it with an upload progress bar), or
 * as a classic form upload without JavaScript (up to the general upload limit), and imported in
 * the background while the frame's page shows how far it got.
 */
@Controller
@RequestMapping("/fieldwork/frames")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR')")
class FrameController {

	/** Two million rows of CSV or XLSX fit well within this. */
	static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

	private final SampleFrames frames;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final Flash flash;

	private final MessageSource messages;

	private final UploadFiles uploads;

	FrameController(SampleFrames frames, RoundManagement rounds, UnitManagement units, Flash flash, MessageSource messages,
			UploadFiles uploads) {
		this.uploads = uploads;
		this.frames = frames;
		this.rounds = rounds;
		this.units = units;
		this.flash = flash;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("frames", frames.list());
		model.addAttribute("rounds", rounds.list().stream().filter(r -> r.kind().isFielded()).toList());
		return "fieldwork/frames";
	}

	/** Without JavaScript: a form upload, limited by {@code spring.servlet.multipart}. */
	@PostMapping
	String importFile(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long round,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		Path upload = uploads.receive(file == null ? InputStream.nullInputStream() : file.getInputStream(), MAX_UPLOAD_BYTES);
		try {
			return "redirect:/fieldwork/frames/" + frames.startImport(name, round, upload).id();
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/fieldwork/frames";
		}
	}

	/** The file as the request body (sent by the page's script, which shows the upload's progress). */
	@PostMapping("/upload")
	ResponseEntity<Map<String, String>> upload(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long round,
			HttpServletRequest request, Locale locale) throws IOException {
		try {
			Path upload = uploads.receive(request.getInputStream(), MAX_UPLOAD_BYTES);
			FrameView frame = frames.startImport(name, round, upload);
			return ResponseEntity.accepted().body(Map.of("location", request.getContextPath() + "/fieldwork/frames/" + frame.id()));
		}
		catch (BusinessRuleException e) {
			HttpStatus status = e.messageKey().equals(UploadFiles.TOO_LARGE) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
			return ResponseEntity.status(status).body(Map.of("message", messages.getMessage(e.messageKey(), e.arguments(), locale)));
		}
	}

	/** The import's progress, polled by the frame page while it runs; a finished import reloads the page. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model, HttpServletResponse response) {
		FrameView frame = frame(id);
		if (frame.status() != SampleFrames.FrameStatus.IMPORTING) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("frame", frame);
		return "fieldwork/frame :: progress";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) Integer page, Model model, Locale locale) {
		FrameView frame = frame(id);
		model.addAttribute("frame", frame);
		if (frame.failureKey() != null) {
			model.addAttribute("failure", messages.getMessage(frame.failureKey(), frame.failureArgs().toArray(), frame.failureKey(), locale));
		}
		model.addAttribute("numbers", frames.numbers(id, PageRequest.of(page, 50, null, null)));
		model.addAttribute("units", units.list(DataScope.wholeDistrict()).stream()
			.collect(Collectors.toMap(UnitView::id, Function.identity())));
		return "fieldwork/frame";
	}

	/** The refused rows with their reasons, for whoever prepared the file to correct it. */
	@GetMapping("/{id}/rejections")
	void rejections(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		FrameView frame = frame(id);
		List<String> headers = List.of(messages.getMessage("unit.import.row", null, locale),
				messages.getMessage("unit.import.reason", null, locale), messages.getMessage("fieldwork.frame.column.PHONE", null, locale));
		ExcelDownload.send(response, "frame-" + id + "-rejected", frame.name(), headers,
				sheet -> frames.rejections(id, r -> sheet.row(List.of(r.row(), messages.getMessage(r.reason(), null, r.reason(), locale),
						r.value() == null ? "" : r.value()))));
	}

	@PostMapping("/{id}/purge")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String purge(@PathVariable long id, RedirectAttributes redirect) {
		try {
			FrameView frame = frames.purge(id);
			flash.success(redirect, "fieldwork.frame.purgedDone", frame.imported());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/fieldwork/frames/" + id;
	}

	private FrameView frame(long id) {
		return frames.find(id).orElseThrow(() -> new RecordNotFoundException("sample_frame", id));
	}
}
