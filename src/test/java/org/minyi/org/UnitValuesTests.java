package org.minyi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minyi.platform.BusinessRuleException;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The unit tree's rules that need no database: which kind hangs under which, what a unit keeps of a
 * draft, (de)activation of the aggregate, the population cells and the draft's field checks.
 */
class UnitValuesTests {

	private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	/** The tree of issue 1: district → townships, departments, political-legal; township → communities; institutions below those. */
	private static final Map<UnitKind, Set<UnitKind>> PARENTS = new EnumMap<>(UnitKind.class);

	static {
		PARENTS.put(UnitKind.DISTRICT, EnumSet.noneOf(UnitKind.class));
		PARENTS.put(UnitKind.TOWNSHIP, EnumSet.of(UnitKind.DISTRICT));
		PARENTS.put(UnitKind.DEPARTMENT, EnumSet.of(UnitKind.DISTRICT));
		PARENTS.put(UnitKind.POLITICAL_LEGAL, EnumSet.of(UnitKind.DISTRICT));
		PARENTS.put(UnitKind.COMMUNITY, EnumSet.of(UnitKind.TOWNSHIP));
		PARENTS.put(UnitKind.INSTITUTION, EnumSet.of(UnitKind.TOWNSHIP, UnitKind.COMMUNITY, UnitKind.DEPARTMENT, UnitKind.POLITICAL_LEGAL));
	}

	static ValidatorFactory factory;

	static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void eachKindHangsOnlyUnderItsAllowedParents() {
		int allowed = 0;
		for (UnitKind child : UnitKind.values()) {
			for (UnitKind parent : UnitKind.values()) {
				boolean expected = PARENTS.get(child).contains(parent);
				assertThat(child.acceptsParent(parent)).as("%s under %s", child, parent).isEqualTo(expected);
				allowed += expected ? 1 : 0;
			}
		}
		assertThat(allowed).isEqualTo(8);
	}

	@Test
	void aCommunityMustHaveATownshipAsParentAndOnlyTheDistrictMayHaveNone() {
		Unit district = unit(1L, UnitKind.DISTRICT, "/1/", true);
		Unit township = unit(2L, UnitKind.TOWNSHIP, "/1/2/", true);
		assertThatThrownBy(() -> Unit.create(draft("C1", UnitKind.COMMUNITY), district, NOW)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.error.kindParent")
			.satisfies(e -> assertThat(((BusinessRuleException) e).field()).isEqualTo("kind"));
		assertThat(Unit.create(draft("C1", UnitKind.COMMUNITY), township, NOW).parentId()).isEqualTo(2L);
		assertThatThrownBy(() -> Unit.create(draft("T1", UnitKind.TOWNSHIP), null, NOW)).as("only the district is a root")
			.hasMessage("unit.error.kindParent");
		assertThatThrownBy(() -> Unit.create(draft("D2", UnitKind.DISTRICT), district, NOW)).as("the district has no parent")
			.hasMessage("unit.error.kindParent");
		assertThat(Unit.create(draft("D1", UnitKind.DISTRICT), null, NOW).parentId()).isNull();
	}

	@Test
	void aUnitKeepsItsCodeStrippedAndBlankOptionalTextAsNothing() {
		Unit township = unit(2L, UnitKind.TOWNSHIP, "/1/2/", true);
		Map<PopulationCell, Integer> population = Map.of(new PopulationCell(Gender.MALE, AgeGroup.AGE_18_29), 120);
		Unit unit = Unit.create(new UnitDraft(" C7 ", "  解放路社区 ", UnitKind.COMMUNITY, "T", "  ", " 0571-1234 ", 300, population), township,
				NOW);
		ReflectionTestUtils.setField(unit, "id", 9L);
		UnitView view = unit.view();
		assertThat(view.code()).isEqualTo("C7");
		assertThat(view.name()).isEqualTo("解放路社区");
		assertThat(view.leaderName()).isNull();
		assertThat(view.contactPhone()).isEqualTo("0571-1234");
		assertThat(view.active()).as("a new unit is active").isTrue();
		assertThat(view.population()).containsExactly(Map.entry(new PopulationCell(Gender.MALE, AgeGroup.AGE_18_29), 120));

		unit.apply(new UnitDraft("OTHER", "新名称", UnitKind.COMMUNITY, "T", "张三", null, 300, Map.of()), township, NOW.plusSeconds(60));
		assertThat(unit.view().code()).as("the code never changes").isEqualTo("C7");
		assertThat(unit.view().population()).as("the figures are replaced, not merged").isEmpty();
		assertThat(unit.view().updatedAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void theDistrictRootCannotBeDeactivatedNorAnInactiveUnitAgain() {
		Unit district = unit(1L, UnitKind.DISTRICT, "/1/", true);
		assertThatThrownBy(() -> district.deactivate(NOW)).hasMessage("unit.error.rootCannotDeactivate");
		assertThat(district.active()).isTrue();
		Unit township = unit(2L, UnitKind.TOWNSHIP, "/1/2/", false);
		assertThatThrownBy(() -> township.deactivate(NOW)).hasMessage("unit.error.alreadyInactive");
	}

	@Test
	void aUnitIsReactivatedOnlyUnderAnActiveParentAndOnlyWhenInactive() {
		Unit closedTownship = unit(2L, UnitKind.TOWNSHIP, "/1/2/", false);
		Unit community = unit(3L, UnitKind.COMMUNITY, "/1/2/3/", false);
		assertThatThrownBy(() -> community.reactivate(closedTownship, NOW)).hasMessage("unit.error.parentInactive");
		assertThat(community.active()).isFalse();
		closedTownship.reactivate(unit(1L, UnitKind.DISTRICT, "/1/", true), NOW);
		community.reactivate(closedTownship, NOW);
		assertThat(community.active()).isTrue();
		assertThatThrownBy(() -> community.reactivate(closedTownship, NOW)).hasMessage("unit.error.alreadyActive");
	}

	@Test
	void thePathIsTheParentsPathAndTheUnitsOwnId() {
		Unit township = unit(2L, UnitKind.TOWNSHIP, "/1/2/", true);
		Unit community = Unit.create(draft("C", UnitKind.COMMUNITY), township, NOW);
		ReflectionTestUtils.setField(community, "id", 35L);
		community.placeUnder(township);
		assertThat(community.path()).isEqualTo("/1/2/35/");
		assertThat(community.view().depth()).as("district 0, township 1, community 2").isEqualTo(2);
		assertThat(township.view().depth()).isEqualTo(1);
		assertThat(unit(1L, UnitKind.DISTRICT, "/1/", true).view().depth()).isZero();
	}

	@Test
	void populationCellsAreMenByAgeThenWomenByAge() {
		List<String> keys = PopulationCell.all().stream().map(PopulationCell::key).toList();
		assertThat(keys).containsExactly("MALE_AGE_18_29", "MALE_AGE_30_44", "MALE_AGE_45_59", "MALE_AGE_60_PLUS", "FEMALE_AGE_18_29",
				"FEMALE_AGE_30_44", "FEMALE_AGE_45_59", "FEMALE_AGE_60_PLUS");
		assertThat(new PopulationCell(Gender.FEMALE, AgeGroup.AGE_30_44)).hasToString("FEMALE_AGE_30_44");
		assertThatThrownBy(() -> new PopulationCell(null, AgeGroup.AGE_30_44)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> new PopulationCell(Gender.MALE, null)).isInstanceOf(NullPointerException.class);
	}

	@Test
	void theBreakdownSumIsNothingWithoutABreakdown() {
		Map<PopulationCell, Integer> cells = Map.of(new PopulationCell(Gender.MALE, AgeGroup.AGE_18_29), 10,
				new PopulationCell(Gender.FEMALE, AgeGroup.AGE_60_PLUS), 32);
		UnitView withCells = new UnitView(1, "C", "n", UnitKind.COMMUNITY, 2L, "/1/2/1/", null, null, 50, cells, true, NOW);
		assertThat(withCells.populationBreakdownSum()).isEqualTo(42);
		assertThat(withCells.populationOf(Gender.FEMALE, AgeGroup.AGE_60_PLUS)).isEqualTo(32);
		assertThat(withCells.populationOf(Gender.FEMALE, AgeGroup.AGE_18_29)).isNull();
		UnitView totalOnly = new UnitView(1, "C", "n", UnitKind.COMMUNITY, 2L, "/1/2/1/", null, null, 50, Map.of(), true, NOW);
		assertThat(totalOnly.populationBreakdownSum()).isNull();
		assertThat(new UnitDraft("C", "n", UnitKind.COMMUNITY, "T", null, null, null, null).population()).isEmpty();
	}

	@Test
	void aDraftNeedsACodeOfLettersDigitsAndDashesANameAKindAndSanePopulation() {
		assertThat(violations(draft("C-1_a", UnitKind.COMMUNITY))).isEmpty();
		assertThat(violations(new UnitDraft("城关", "n", UnitKind.COMMUNITY, "T", null, null, null, Map.of()))).containsExactly("code");
		assertThat(violations(new UnitDraft(" ", "n", UnitKind.COMMUNITY, "T", null, null, null, Map.of()))).contains("code");
		assertThat(violations(new UnitDraft("C".repeat(33), "n", UnitKind.COMMUNITY, "T", null, null, null, Map.of()))).containsExactly("code");
		assertThat(violations(new UnitDraft("C", "", null, "T", null, null, null, Map.of()))).containsExactlyInAnyOrder("name", "kind");
		assertThat(violations(new UnitDraft("C", "名".repeat(101), UnitKind.COMMUNITY, "T", null, null, null, Map.of()))).containsExactly("name");
		assertThat(violations(new UnitDraft("C", "n", UnitKind.COMMUNITY, "T", "负".repeat(51), null, null, Map.of()))).containsExactly("leaderName");
		assertThat(violations(new UnitDraft("C", "n", UnitKind.COMMUNITY, "T", null, "0571-8888 0000", null, Map.of()))).isEmpty();
		assertThat(violations(new UnitDraft("C", "n", UnitKind.COMMUNITY, "T", null, "电话8888", null, Map.of()))).containsExactly("contactPhone");
		assertThat(violations(new UnitDraft("C", "n", UnitKind.COMMUNITY, "T", null, null, -1, Map.of()))).containsExactly("populationTotal");
		assertThat(violations(new UnitDraft("C", "n", UnitKind.COMMUNITY, "T", null, null, 100_000_001, Map.of()))).containsExactly("populationTotal");
		assertThat(violations(new UnitDraft("C", "n", UnitKind.COMMUNITY, "T", null, null, 100_000_000, Map.of()))).isEmpty();
		assertThat(validator.validate(new UnitDraft("城关", "n", UnitKind.COMMUNITY, "T", null, "x", null, Map.of())))
			.extracting(ConstraintViolation::getMessageTemplate).containsExactlyInAnyOrder("{unit.code.pattern}", "{unit.contactPhone.pattern}");
	}

	private static List<String> violations(UnitDraft draft) {
		return validator.validate(draft).stream().map(v -> v.getPropertyPath().toString()).toList();
	}

	private static UnitDraft draft(String code, UnitKind kind) {
		return new UnitDraft(code, "unit " + code, kind, null, null, null, null, Map.of());
	}

	private static Unit unit(long id, UnitKind kind, String path, boolean active) {
		Unit unit = new Unit();
		ReflectionTestUtils.setField(unit, "id", id);
		ReflectionTestUtils.setField(unit, "code", "U" + id);
		ReflectionTestUtils.setField(unit, "name", "unit " + id);
		ReflectionTestUtils.setField(unit, "kind", kind);
		ReflectionTestUtils.setField(unit, "path", path);
		ReflectionTestUtils.setField(unit, "active", active);
		return unit;
	}
}
