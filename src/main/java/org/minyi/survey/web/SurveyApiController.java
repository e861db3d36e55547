package org.minyi.survey.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.minyi.platform.RecordNotFoundException;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.InstrumentDefinition;
import org.minyi.survey.InstrumentStatus;
import org.minyi.survey.InstrumentVersion;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.minyi.survey.invitation.IssuedInvitation;
import org.minyi.survey.invitation.ResponseCounts;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signed-in API of the survey: rounds, their progress, instruments, invitation batches. */
@RestController
@RequestMapping("/api/v1")
class SurveyApiController {

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final ResponseCounts counts;

	private final Invitations invitations;

	SurveyApiController(RoundManagement rounds, InstrumentCatalog instruments, ResponseCounts counts, Invitations invitations) {
		this.rounds = rounds;
		this.instruments = instruments;
		this.counts = counts;
		this.invitations = invitations;
	}

	@GetMapping("/rounds")
	@PreAuthorize(RoundController.VIEW)
	List<RoundView> rounds() {
		return rounds.list();
	}

	@GetMapping("/rounds/{id}")
	@PreAuthorize(RoundController.VIEW)
	RoundView round(@PathVariable long id) {
		return rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
	}

	@GetMapping("/rounds/{id}/response-counts")
	@PreAuthorize(RoundController.VIEW)
	ResponseCounts.RoundCounts responseCounts(@PathVariable long id) {
		round(id);
		return counts.of(id);
	}

	/** An instrument version without its definition, for lists. */
	record InstrumentSummary(long id, String code, int version, String title, InstrumentStatus status) {
	}

	@GetMapping("/instruments")
	@PreAuthorize(InstrumentController.VIEW)
	List<InstrumentSummary> instruments() {
		return instruments.list().stream()
			.map(v -> new InstrumentSummary(v.id(), v.code(), v.version(), v.title(), v.status()))
			.toList();
	}

	@GetMapping("/instruments/{id}")
	@PreAuthorize(InstrumentController.VIEW)
	InstrumentDefinition instrument(@PathVariable long id) {
		return instruments.find(id).map(InstrumentVersion::definition)
			.orElseThrow(() -> new RecordNotFoundException("instrument", id));
	}

	record BatchRequest(long unitId, @Min(1) @Max(Invitations.MAX_BATCH) int size) {
	}

	record GeneratedBatch(InvitationBatch batch, List<String> tokens) {
	}

	@Operation(summary = "Generate a batch of single-use invitation tokens for a township or community")
	@PostMapping("/rounds/{id}/invitations")
	@PreAuthorize(InvitationController.FIELDWORK)
	@ResponseStatus(HttpStatus.CREATED)
	GeneratedBatch generate(@PathVariable long id, @Valid @RequestBody BatchRequest request) {
		InvitationBatch batch = invitations.generate(id, request.unitId(), request.size());
		return new GeneratedBatch(batch, invitations.tokens(batch.id()).stream().map(IssuedInvitation::token).toList());
	}
}
