package org.minyi.fieldwork.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.minyi.survey.RoundManagement;
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

/** Sample frames: import a list of numbers, see it masked, download the refused rows, purge it. */
@Controller
@RequestMapping("/fieldwork/frames")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR')")
class FrameController {

	private final SampleFrames frames;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final Flash flash;

	private final MessageSource messages;

	FrameController(SampleFrames frames, RoundManagement rounds, UnitManagement units, Flash flash, MessageSource messages) {
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

	@PostMapping
	String importFile(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long round,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			FrameView frame = frames.importFile(name, round, in);
			flash.success(redirect, "fieldwork.frame.imported", frame.imported(), frame.duplicates(), frame.rejected());
			return "redirect:/fieldwork/frames/" + frame.id();
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
			return "redirect:/fieldwork/frames";
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("frame", frame(id));
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
