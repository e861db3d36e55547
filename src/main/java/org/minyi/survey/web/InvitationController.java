package org.minyi.survey.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.print.PrintFont;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.survey.ResidenceDirectory;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.minyi.survey.invitation.ResponseCounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A round's web fieldwork: live response counts per township, invitation batches with their Excel
 * list and printable QR sheets, and the open link with its poster. Tokens are secrets, so only the
 * staff who run fieldwork generate and print them.
 */
@Controller
@RequestMapping("/survey/rounds/{id}")
@PreAuthorize(RoundController.VIEW)
class InvitationController {

	static final String FIELDWORK = "hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR')";

	private final RoundManagement rounds;

	private final Invitations invitations;

	private final ResponseCounts counts;

	private final ResidenceDirectory residence;

	private final InvitationPrints prints;

	private final PrintFont font;

	private final MessageSource messages;

	private final Flash flash;

	private final String publicBaseUrl;

	InvitationController(RoundManagement rounds, Invitations invitations, ResponseCounts counts, ResidenceDirectory residence,
			InvitationPrints prints, PrintFont font, MessageSource messages, Flash flash,
			@Value("${minyi.public-base-url:}") String publicBaseUrl) {
		this.rounds = rounds;
		this.invitations = invitations;
		this.counts = counts;
		this.residence = residence;
		this.prints = prints;
		this.font = font;
		this.messages = messages;
		this.flash = flash;
		this.publicBaseUrl = publicBaseUrl;
	}

	@GetMapping("/fieldwork")
	String page(@PathVariable long id, Model model) {
		RoundView round = round(id);
		model.addAttribute("round", round);
		model.addAttribute("batches", invitations.batches(id));
		model.addAttribute("units", residence.byId());
		Set<Long> inScope = round.targets().stream().map(Target::unitId).collect(Collectors.toSet());
		Map<UnitView, List<UnitView>> townships = new LinkedHashMap<>(residence.communitiesByTownship());
		townships.keySet().removeIf(township -> !inScope.contains(township.id()));
		model.addAttribute("communities", townships);
		model.addAttribute("openLink", baseUrl() + "/s/open/" + id);
		model.addAttribute("maxBatch", Invitations.MAX_BATCH);
		model.addAttribute("hasChineseFont", font.hasChinese());
		counts(id, model);
		return "survey/fieldwork";
	}

	@GetMapping("/fieldwork/counts")
	String counts(@PathVariable long id, Model model) {
		model.addAttribute("roundId", id);
		model.addAttribute("counts", counts.of(id));
		model.addAttribute("townships", residence.townships());
		return "survey/fieldwork :: counts";
	}

	@PostMapping("/invitations")
	@PreAuthorize(FIELDWORK)
	String generate(@PathVariable long id, @RequestParam long unitId, @RequestParam int size, RedirectAttributes redirect) {
		try {
			InvitationBatch batch = invitations.generate(id, unitId, size);
			flash.success(redirect, "invitation.generated", batch.size());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/survey/rounds/" + id + "/fieldwork";
	}

	@PostMapping("/open-link")
	@PreAuthorize(RoundController.EDIT)
	String openLink(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		try {
			rounds.setOpenLink(id, enabled);
			flash.success(redirect, enabled ? "round.openLink.enabled" : "round.openLink.disabled");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/survey/rounds/" + id + "/fieldwork";
	}

	@GetMapping("/invitations/{batchId}/list")
	@PreAuthorize(FIELDWORK)
	void list(@PathVariable long id, @PathVariable long batchId, HttpServletResponse response, Locale locale) throws IOException {
		InvitationBatch batch = batch(id, batchId);
		Map<Long, UnitView> units = residence.byId();
		String township = name(units, batch.townshipId());
		String community = batch.communityId() == null ? "" : name(units, batch.communityId());
		List<String> headers = List.of(msg("invitation.number", locale), msg("unit.kind.TOWNSHIP", locale),
				msg("unit.kind.COMMUNITY", locale), msg("invitation.token", locale), msg("invitation.link", locale),
				msg("invitation.used", locale));
		String base = baseUrl();
		ExcelDownload.send(response, "invitations-" + batchId, msg("invitation.sheet", locale), headers,
				export -> invitations.tokens(batchId).forEach(t -> export.row(List.of(t.number(), township, community,
						t.token(), base + "/s/" + t.token(), t.used() ? msg("action.yes", locale) : ""))));
	}

	@GetMapping("/invitations/{batchId}/sheets")
	@PreAuthorize(FIELDWORK)
	String sheets(@PathVariable long id, @PathVariable long batchId, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) throws IOException {
		InvitationBatch batch = batch(id, batchId);
		String base = baseUrl();
		List<InvitationPrints.Card> cards = invitations.tokens(batchId).stream()
			.filter(t -> !t.used())
			.map(t -> new InvitationPrints.Card(base + "/s/" + t.token(), "No." + t.number() + "  " + t.token()))
			.toList();
		if (cards.isEmpty()) {
			// every invitation is used: a PDF without a card would be an empty page
			flash.error(redirect, BusinessRuleException.of("invitation.error.nothingToPrint"));
			return "redirect:/survey/rounds/" + id + "/fieldwork";
		}
		download(response, MediaType.APPLICATION_PDF, "invitations-" + batchId + ".pdf");
		prints.sheets(labels(round(id), batch.unitId(), locale), cards, response.getOutputStream());
		// written to the response
		return null;
	}

	@GetMapping("/open-link/poster")
	@PreAuthorize(FIELDWORK)
	void poster(@PathVariable long id, @RequestParam(defaultValue = "png") String format, HttpServletResponse response,
			Locale locale) throws IOException {
		RoundView round = round(id);
		if (!round.openLink()) {
			throw new RecordNotFoundException("open link", id);
		}
		InvitationPrints.Labels labels = labels(round, null, locale);
		String link = baseUrl() + "/s/open/" + id;
		if (format.equals("pdf")) {
			download(response, MediaType.APPLICATION_PDF, "open-link-" + id + ".pdf");
			prints.posterPdf(labels, link, response.getOutputStream());
		}
		else {
			download(response, MediaType.IMAGE_PNG, "open-link-" + id + ".png");
			prints.posterPng(labels, link, response.getOutputStream());
		}
	}

	/** Printed texts in Chinese when a Chinese font is available, in English otherwise. */
	private InvitationPrints.Labels labels(RoundView round, Long unitId, Locale locale) {
		Locale printed = font.hasChinese() ? locale : Locale.ENGLISH;
		String unit = unitId == null ? msg("invitation.print.everyone", printed) : name(residence.byId(), unitId);
		return new InvitationPrints.Labels(font.hasChinese() ? round.name() : msg("invitation.print.survey", printed),
				font.hasChinese() ? unit : "", msg("invitation.print.instruction", printed));
	}

	private static void download(HttpServletResponse response, MediaType type, String filename) {
		response.setContentType(type.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
	}

	private InvitationBatch batch(long roundId, long batchId) {
		return invitations.batch(batchId).filter(b -> b.roundId() == roundId)
			.orElseThrow(() -> new RecordNotFoundException("invitation batch", batchId));
	}

	private RoundView round(long id) {
		return rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
	}

	private static String name(Map<Long, UnitView> units, long id) {
		UnitView unit = units.get(id);
		return unit == null ? String.valueOf(id) : unit.name();
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** Links on prints must work from residents' phones: the configured public address, else this server's. */
	private String baseUrl() {
		return publicBaseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: publicBaseUrl.replaceAll("/+$", "");
	}
}
