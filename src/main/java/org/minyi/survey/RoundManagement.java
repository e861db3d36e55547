package org.minyi.survey;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates rounds on a published instrument version, sets their targets and moves them through
 * their lifecycle. A new round covers the district, every active township and every active
 * political-legal department — the units the province ranks. Closing publishes {@link RoundClosed}.
 */
@Service
@Transactional
public class RoundManagement {

	private final RoundRepository rounds;

	private final InstrumentCatalog instruments;

	private final UnitManagement units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoundManagement(RoundRepository rounds, InstrumentCatalog instruments, UnitManagement units,
			ApplicationEventPublisher events, Clock clock) {
		this.rounds = rounds;
		this.instruments = instruments;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	public RoundView create(RoundDraft draft) {
		InstrumentVersion instrument = publishedInstrument(draft);
		Round round = rounds.save(Round.create(draft, ratedUnits(), clock.instant()));
		events.publishEvent(AuditEvent.of("round.create", "round", round.id(), "name=" + round.name() + ", kind="
				+ draft.kind() + ", instrument=" + instrument.code() + " v" + instrument.version()));
		return round.view();
	}

	/**
	 * Revises a draft round. The scope may be any of the rated units (district, townships,
	 * political-legal departments); the district itself always stays in scope.
	 */
	public RoundView revise(long id, RoundDraft draft, Collection<Long> unitsInScope) {
		Round round = load(id);
		publishedInstrument(draft);
		List<Long> rated = ratedUnits();
		if (!rated.containsAll(unitsInScope)) {
			throw new BusinessRuleException("units", "round.error.unitNotRated");
		}
		Set<Long> scope = new LinkedHashSet<>(unitsInScope);
		units.root().ifPresent(district -> scope.add(district.id()));
		round.revise(draft, scope, clock.instant());
		round = rounds.save(round);
		events.publishEvent(AuditEvent.of("round.revise", "round", id, "name=" + round.name() + ", kind=" + draft.kind()
				+ ", units=" + scope.size()));
		return round.view();
	}

	public RoundView setTargets(long id, Collection<Target> targets) {
		Round round = load(id);
		round.setTargets(targets, clock.instant());
		round = rounds.save(round);
		events.publishEvent(AuditEvent.of("round.targets", "round", id, "targets=" + targets.size()));
		return round.view();
	}

	public RoundView setOpenLink(long id, boolean enabled) {
		Round round = load(id);
		round.setOpenLink(enabled, clock.instant());
		round = rounds.save(round);
		events.publishEvent(AuditEvent.of("round.openLink", "round", id, "openLink=" + enabled));
		return round.view();
	}

	public RoundView moveTo(long id, RoundStatus next) {
		Round round = load(id);
		RoundStatus before = round.status();
		RoundClosed closed = round.moveTo(next, clock.instant());
		round = rounds.save(round);
		events.publishEvent(AuditEvent.of("round.status", "round", id, before + " -> " + next));
		if (closed != null) {
			events.publishEvent(closed);
		}
		return round.view();
	}

	@Transactional(readOnly = true)
	public List<RoundView> list() {
		return rounds.findAllByOrderByPeriodStartDescIdDesc().stream().map(Round::view).toList();
	}

	@Transactional(readOnly = true)
	public Optional<RoundView> find(long id) {
		return rounds.findById(id).map(Round::view);
	}

	private InstrumentVersion publishedInstrument(RoundDraft draft) {
		return instruments.find(draft.instrumentVersionId())
			.filter(v -> !v.isDraft())
			.orElseThrow(() -> new BusinessRuleException("instrumentVersionId", "round.error.instrument"));
	}

	/** The units a round can rate, in the tree's order: district, active townships and political-legal departments. */
	public List<UnitView> ratedUnitViews() {
		return units.list(DataScope.wholeDistrict()).stream()
			.filter(UnitView::active)
			.filter(u -> u.kind() == UnitKind.DISTRICT || u.kind() == UnitKind.TOWNSHIP || u.kind() == UnitKind.POLITICAL_LEGAL)
			.toList();
	}

	private List<Long> ratedUnits() {
		return ratedUnitViews().stream().map(UnitView::id).toList();
	}

	private Round load(long id) {
		return rounds.findById(id).orElseThrow(() -> new RecordNotFoundException("round", id));
	}
}
