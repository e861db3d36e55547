package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@MinyiTest
@RecordApplicationEvents
class RoundManagementTests {

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	UnitManagement units;

	@Autowired
	ApplicationEvents events;

	@Test
	void newRoundCoversTheDistrictItsTownshipsAndPoliticalLegalDepartments() {
		RoundView round = rounds.create(draft(RoundKind.MOCK));
		List<UnitKind> kinds = round.targets().stream()
			.map(t -> units.findById(t.unitId()).orElseThrow().kind())
			.toList();
		assertThat(kinds).containsOnly(UnitKind.DISTRICT, UnitKind.TOWNSHIP, UnitKind.POLITICAL_LEGAL);
		long activeTownships = units.list(DataScope.wholeDistrict()).stream()
			.filter(u -> u.kind() == UnitKind.TOWNSHIP && u.active()).count();
		assertThat(kinds).filteredOn(k -> k == UnitKind.TOWNSHIP).hasSize((int) activeTownships);
		long activeDepartments = units.list(DataScope.wholeDistrict()).stream()
			.filter(u -> u.kind() == UnitKind.POLITICAL_LEGAL && u.active()).count();
		// the demo's four (police, court, procuratorate, justice) and any another test added
		assertThat(activeDepartments).isGreaterThanOrEqualTo(4);
		assertThat(kinds).filteredOn(k -> k == UnitKind.POLITICAL_LEGAL).hasSize((int) activeDepartments);
	}

	@Test
	void targetsAreStoredAndClosingAnnouncesTheRound() {
		RoundView round = rounds.create(draft(RoundKind.MOCK));
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		rounds.setTargets(round.id(), List.of(new Target(chengguan.id(), new BigDecimal("88.50"), 2)));
		assertThat(rounds.find(round.id()).orElseThrow().targets())
			.contains(new Target(chengguan.id(), new BigDecimal("88.50"), 2));

		rounds.moveTo(round.id(), RoundStatus.FIELDING);
		assertThat(events.stream(RoundClosed.class)).isEmpty();
		rounds.moveTo(round.id(), RoundStatus.CLOSED);
		assertThat(events.stream(RoundClosed.class)).containsExactly(new RoundClosed(round.id(), RoundKind.MOCK));
	}

	@Test
	void aRoundNeedsAPublishedInstrument() {
		InstrumentVersion published = instruments.list().stream().filter(v -> !v.isDraft()).findFirst().orElseThrow();
		InstrumentVersion draft = instruments.list().stream().filter(InstrumentVersion::isDraft).findFirst()
			.orElseGet(() -> instruments.addDraft(new InstrumentDefinition("R" + System.nanoTime(), "t", null,
					published.definition().sections(), published.definition().composites())));
		assertThatThrownBy(() -> rounds.create(new RoundDraft("x", RoundKind.MOCK, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 1, 2), draft.id(), Set.of(Mode.WEB)))).hasMessage("round.error.instrument");
	}

	@Test
	void aRevisedScopeHoldsOnlyRatedUnitsAndAlwaysTheDistrict() {
		RoundView round = rounds.create(draft(RoundKind.MOCK));
		long district = units.root().orElseThrow().id();
		long chengguan = units.findByCode("YJCG").orElseThrow().id();
		long police = units.findByCode("YJGA").orElseThrow().id();
		long community = units.findByCode("YJCG01").orElseThrow().id();

		rounds.revise(round.id(), draft(RoundKind.MOCK), List.of(chengguan, police));
		assertThat(rounds.find(round.id()).orElseThrow().targets()).extracting(Target::unitId)
			.containsExactlyInAnyOrder(district, chengguan, police);

		assertThatThrownBy(() -> rounds.revise(round.id(), draft(RoundKind.MOCK), List.of(chengguan, community)))
			.hasMessage("round.error.unitNotRated");
		assertThat(rounds.find(round.id()).orElseThrow().targets()).as("nothing changed").hasSize(3);
	}

	@Test
	void demoRoundsArePresent() {
		assertThat(rounds.list()).extracting(RoundView::status)
			.contains(RoundStatus.PUBLISHED, RoundStatus.CLOSED, RoundStatus.DRAFT);
	}

	private RoundDraft draft(RoundKind kind) {
		long standard = instruments.list().stream().filter(v -> v.code().equals("STANDARD") && v.version() == 1)
			.findFirst().orElseThrow().id();
		return new RoundDraft("test round", kind, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), standard,
				Set.of(Mode.CATI));
	}
}
