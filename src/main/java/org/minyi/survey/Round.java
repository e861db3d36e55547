package org.minyi.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.platform.BusinessRuleException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A round of the survey evaluation: owns its lifecycle, its units in scope and their targets. */
@Table("survey_round")
class Round {

	private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

	@Id
	private Long id;

	private String name;

	private RoundKind kind;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private long instrumentVersionId;

	/** Comma-separated {@link Mode} names. */
	private String modes;

	private RoundStatus status;

	private boolean openLink;

	@MappedCollection(idColumn = "survey_round")
	private Set<RoundUnit> units = new HashSet<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	Round() {
	}

	static Round create(RoundDraft draft, Collection<Long> unitsInScope, Instant now) {
		Round round = new Round();
		round.status = RoundStatus.DRAFT;
		round.createdAt = now;
		round.revise(draft, unitsInScope, now);
		return round;
	}

	/**
	 * Changes what a draft round is: name, kind, period, instrument, modes and the units in scope.
	 * Units that stay keep their targets; once fielding has started the round no longer changes,
	 * because responses and sample already refer to it.
	 */
	void revise(RoundDraft draft, Collection<Long> unitsInScope, Instant now) {
		if (status != RoundStatus.DRAFT) {
			throw BusinessRuleException.of("round.error.notDraft");
		}
		if (draft.periodEnd().isBefore(draft.periodStart())) {
			throw new BusinessRuleException("periodEnd", "round.error.period");
		}
		if (unitsInScope.isEmpty()) {
			throw new BusinessRuleException("units", "round.error.noUnits");
		}
		name = draft.name().strip();
		kind = draft.kind();
		periodStart = draft.periodStart();
		periodEnd = draft.periodEnd();
		instrumentVersionId = draft.instrumentVersionId();
		modes = draft.kind().isFielded() && draft.modes() != null
				? draft.modes().stream().sorted().map(Mode::name).collect(Collectors.joining(",")) : "";
		units.removeIf(u -> !unitsInScope.contains(u.unitId()));
		Set<Long> kept = units.stream().map(RoundUnit::unitId).collect(Collectors.toSet());
		unitsInScope.stream().filter(u -> !kept.contains(u)).forEach(u -> units.add(new RoundUnit(u, null, null)));
		updatedAt = now;
	}

	/** Replaces the targets of units in scope; a closed round's targets no longer change. */
	void setTargets(Collection<Target> targets, Instant now) {
		if (status == RoundStatus.CLOSED || status == RoundStatus.PUBLISHED) {
			throw BusinessRuleException.of("round.error.targetsLocked");
		}
		Set<Long> inScope = units.stream().map(RoundUnit::unitId).collect(Collectors.toSet());
		for (Target target : targets) {
			if (!inScope.contains(target.unitId())) {
				throw BusinessRuleException.of("round.error.unitNotInScope");
			}
			if (target.scoreTarget() != null
					&& (target.scoreTarget().signum() < 0 || target.scoreTarget().compareTo(MAX_SCORE) > 0)) {
				throw BusinessRuleException.of("round.error.scoreTarget");
			}
			if (target.rankTarget() != null && target.rankTarget() < 1) {
				throw BusinessRuleException.of("round.error.rankTarget");
			}
		}
		units.removeIf(u -> targets.stream().anyMatch(t -> t.unitId() == u.unitId()));
		targets.forEach(t -> units.add(new RoundUnit(t.unitId(), t.scoreTarget(), t.rankTarget())));
		updatedAt = now;
	}

	/** Moves to the next status; returns the event to publish, if any. */
	RoundClosed moveTo(RoundStatus next, Instant now) {
		if (!status.next(kind).contains(next)) {
			throw BusinessRuleException.of("round.error.transition");
		}
		if (next == RoundStatus.FIELDING && modes().isEmpty()) {
			throw BusinessRuleException.of("round.error.noModes");
		}
		status = next;
		updatedAt = now;
		return next == RoundStatus.CLOSED ? new RoundClosed(id, kind) : null;
	}

	/** The open (token-less) link is a web-mode feature of rounds that are still to be fielded or fielding. */
	void setOpenLink(boolean enabled, Instant now) {
		if (enabled && (!modes().contains(Mode.WEB) || status == RoundStatus.CLOSED || status == RoundStatus.PUBLISHED)) {
			throw BusinessRuleException.of("round.error.openLink");
		}
		openLink = enabled;
		updatedAt = now;
	}

	Set<Mode> modes() {
		return Mode.parse(modes);
	}

	RoundView view() {
		return new RoundView(id, name, kind, periodStart, periodEnd, instrumentVersionId, modes(), status, openLink,
				units.stream().map(RoundUnit::target).sorted(Comparator.comparingLong(Target::unitId)).toList());
	}

	Long id() {
		return id;
	}

	RoundStatus status() {
		return status;
	}

	String name() {
		return name;
	}
}
