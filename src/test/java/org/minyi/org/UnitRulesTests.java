package org.minyi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.access.AuditEntry;
import org.minyi.access.AuditQuery;
import org.minyi.access.AuditTrail;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The unit tree's rules over the database: parents, the single root, moves, (de)activation, the
 * data scope of every read and write, search, tree order and population figures. Each test works in
 * a township of its own under the demo district.
 */
@MinyiTest
class UnitRulesTests {

	private static final DataScope ALL = DataScope.wholeDistrict();

	@Autowired
	UnitManagement units;

	@Autowired
	AuditTrail audit;

	UnitView town;

	DataScope officer;

	@BeforeEach
	void township() {
		town = TestUnits.township(units, "rules town");
		officer = TestUnits.officerOf(town);
	}

	@Test
	void everyUnitButTheDistrictNeedsAParentThatExists() {
		String code = town.code() + "X";
		assertRefused(() -> units.create(draft(code, UnitKind.COMMUNITY, null)), "parentCode", "unit.error.parentRequired");
		assertRefused(() -> units.create(draft(code, UnitKind.COMMUNITY, "  ")), "parentCode", "unit.error.parentRequired");
		assertRefused(() -> units.create(draft(code, UnitKind.COMMUNITY, town.code() + "NOPE")), "parentCode", "unit.error.parentUnknown");
		assertRefused(() -> units.create(draft(code, UnitKind.COMMUNITY, "YJ")), "kind", "unit.error.kindParent");
		assertThat(units.findByCode(code)).as("nothing was created").isEmpty();
		assertThat(units.create(draft(" " + code + " ", UnitKind.COMMUNITY, " " + town.code() + " ")).parentId())
			.as("codes are read without surrounding blanks").isEqualTo(town.id());
	}

	@Test
	void thereIsOnlyOneDistrictRoot() {
		int before = units.list(ALL).size();
		assertRefused(() -> units.create(draft(town.code() + "D", UnitKind.DISTRICT, null)), "kind", "unit.error.singleRoot");
		assertThat(units.list(ALL)).hasSize(before);
		UnitView root = units.root().orElseThrow();
		assertThat(root.kind()).isEqualTo(UnitKind.DISTRICT);
		assertThat(root.parentId()).isNull();
		assertThatThrownBy(() -> units.deactivate(root.id(), ALL)).as("never, whether it has active units below or not")
			.isInstanceOf(BusinessRuleException.class);
		assertThat(units.findById(root.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void aUnitCannotBePlacedUnderItself() {
		UnitView community = TestUnits.community(units, town, "self");
		assertRefused(() -> units.update(town.id(), draft(town.code(), UnitKind.TOWNSHIP, town.code()), ALL), "parentCode",
				"unit.error.parentInSubtree");
		UnitView institution = units.create(draft(town.code() + "I", UnitKind.INSTITUTION, community.code()));
		assertRefused(() -> units.update(community.id(), draft(community.code(), UnitKind.INSTITUTION, institution.code()), ALL),
				"parentCode", "unit.error.parentInSubtree");
		assertThat(units.findById(community.id()).orElseThrow()).satisfies(u -> {
			assertThat(u.kind()).isEqualTo(UnitKind.COMMUNITY);
			assertThat(u.path()).isEqualTo(town.path() + community.id() + "/");
		});
	}

	@Test
	void aUnitWithoutChildrenMayChangeItsKindAndTheChangeIsAuditedBeforeAndAfter() {
		UnitView changed = units.update(town.id(), new UnitDraft("IGNORED", "改为部门", UnitKind.DEPARTMENT, "YJ", "李四", "0571-1", 10, Map.of()),
				ALL);
		assertThat(changed.kind()).isEqualTo(UnitKind.DEPARTMENT);
		assertThat(changed.code()).as("the code never changes").isEqualTo(town.code());
		assertThat(changed.path()).isEqualTo(town.path());
		assertThat(units.findByCode("IGNORED")).isEmpty();
		List<AuditEntry> entries = auditOf("unit.update", town.id());
		assertThat(entries).singleElement().satisfies(e -> assertThat(e.summary()).contains("before: ", "kind=TOWNSHIP", "after: ",
				"kind=DEPARTMENT", "name=改为部门"));
		assertThat(auditOf("unit.create", town.id())).singleElement()
			.satisfies(e -> assertThat(e.summary()).contains("code=" + town.code(), "kind=TOWNSHIP"));
	}

	@Test
	void anInactiveParentTakesNoNewUnitsButKeepsItsOwn() {
		UnitView community = TestUnits.community(units, town, "kept");
		UnitView other = TestUnits.township(units, "other town");
		units.deactivate(community.id(), ALL);
		units.deactivate(town.id(), ALL);
		UnitView edited = units.update(community.id(), new UnitDraft(community.code(), "改名社区", UnitKind.COMMUNITY, town.code(), null, null, null,
				Map.of()), ALL);
		assertThat(edited.name()).as("an unchanged placement under an inactive parent is fine").isEqualTo("改名社区");
		UnitView stranger = TestUnits.community(units, other, "stranger");
		assertRefused(() -> units.update(stranger.id(), draft(stranger.code(), UnitKind.COMMUNITY, town.code()), ALL), "parentCode",
				"unit.error.parentInactive");
		assertThat(units.findById(stranger.id()).orElseThrow().parentId()).isEqualTo(other.id());
	}

	@Test
	void reactivationNeedsAnActiveParentAndIsAudited() {
		UnitView community = TestUnits.community(units, town, "back");
		assertThatThrownBy(() -> units.reactivate(community.id(), ALL)).hasMessage("unit.error.alreadyActive");
		units.deactivate(community.id(), ALL);
		assertThatThrownBy(() -> units.deactivate(community.id(), ALL)).hasMessage("unit.error.alreadyInactive");
		units.deactivate(town.id(), ALL);
		assertThatThrownBy(() -> units.reactivate(community.id(), ALL)).hasMessage("unit.error.parentInactive");
		assertThat(units.findById(community.id()).orElseThrow().active()).isFalse();
		assertThat(units.reactivate(town.id(), ALL).active()).isTrue();
		assertThat(units.reactivate(community.id(), ALL).active()).isTrue();
		assertThat(auditOf("unit.reactivate", community.id())).hasSize(1);
		assertThat(auditOf("unit.deactivate", community.id())).hasSize(1);
	}

	@Test
	void anOfficerCanNeitherSeeNorChangeUnitsOutsideTheirSubtree() {
		UnitView own = TestUnits.community(units, town, "own");
		UnitView other = TestUnits.township(units, "foreign town");
		UnitView foreign = TestUnits.community(units, other, "foreign");
		assertThat(units.find(own.id(), officer)).isPresent();
		assertThat(units.find(foreign.id(), officer)).isEmpty();
		assertThat(units.find(town.id(), TestUnits.officerOf(own))).as("not even their parent").isEmpty();
		assertThatThrownBy(() -> units.update(foreign.id(), draft(foreign.code(), UnitKind.COMMUNITY, other.code()), officer))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> units.deactivate(foreign.id(), officer)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> units.visibleUnits(foreign.id(), officer)).isInstanceOf(RecordNotFoundException.class);
		units.deactivate(foreign.id(), ALL);
		assertThatThrownBy(() -> units.reactivate(foreign.id(), officer)).isInstanceOf(RecordNotFoundException.class);
		assertThat(units.findById(foreign.id()).orElseThrow()).satisfies(u -> {
			assertThat(u.name()).isEqualTo(foreign.name());
			assertThat(u.active()).isFalse();
		});
		assertThat(units.list(officer)).extracting(UnitView::id).containsExactly(town.id(), own.id());
		assertThat(units.subtreeIds(officer)).containsExactlyInAnyOrder(town.id(), own.id());
	}

	@Test
	void aListFilteredToAUnitShowsItsSubtreeAndTheDistrictUnfilteredIsUnrestricted() {
		UnitView a = TestUnits.community(units, town, "a");
		UnitView b = TestUnits.community(units, town, "b");
		UnitView institution = units.create(draft(a.code() + "I", UnitKind.INSTITUTION, a.code()));
		assertThat(units.visibleUnits(null, ALL)).isEmpty();
		assertThat(units.visibleUnits(null, officer)).hasValueSatisfying(
				ids -> assertThat(ids).containsExactlyInAnyOrder(town.id(), a.id(), b.id(), institution.id()));
		assertThat(units.visibleUnits(a.id(), officer)).hasValueSatisfying(ids -> assertThat(ids).containsExactlyInAnyOrder(a.id(), institution.id()));
		assertThat(units.visibleUnits(a.id(), ALL)).hasValueSatisfying(ids -> assertThat(ids).containsExactlyInAnyOrder(a.id(), institution.id()));
	}

	@Test
	void theTreeListsParentsBeforeChildrenAndChildrenByKindThenCode() {
		String p = town.code();
		UnitView institution = units.create(draft(p + "A", UnitKind.INSTITUTION, p));
		UnitView second = units.create(draft(p + "C2", UnitKind.COMMUNITY, p));
		UnitView first = units.create(draft(p + "C1", UnitKind.COMMUNITY, p));
		UnitView grandchild = units.create(draft(p + "C2I", UnitKind.INSTITUTION, p + "C2"));
		List<UnitNode> tree = units.tree(officer);
		assertThat(tree).singleElement().satisfies(root -> {
			assertThat(root.unit().id()).isEqualTo(town.id());
			assertThat(root.children()).extracting(n -> n.unit().id()).containsExactly(first.id(), second.id(), institution.id());
			assertThat(root.children().get(1).children()).extracting(n -> n.unit().id()).containsExactly(grandchild.id());
		});
		List<UnitView> list = units.list(officer);
		for (int i = 0; i < list.size(); i++) {
			UnitView unit = list.get(i);
			if (unit.id() != town.id()) {
				assertThat(list.subList(0, i)).extracting(UnitView::id).as("parent of %s first", unit.code()).contains(unit.parentId());
			}
		}
	}

	@Test
	void searchMatchesNameOrCodeWithoutCaseAndTakesWildcardsLiterally() {
		String p = town.code();
		units.create(new UnitDraft(p + "_U", "Alpha社区", UnitKind.COMMUNITY, p, null, null, null, Map.of()));
		units.create(new UnitDraft(p + "B", "百分之百%社区", UnitKind.COMMUNITY, p, null, null, null, Map.of()));
		UnitView inactive = units.create(new UnitDraft(p + "Z", "停用社区", UnitKind.COMMUNITY, p, null, null, null, Map.of()));
		units.deactivate(inactive.id(), ALL);
		assertThat(codes(new UnitSearch("ALPHA", null, null))).containsExactly(p + "_U");
		assertThat(codes(new UnitSearch(p.toLowerCase() + "_u", null, null))).as("the code, in any case").containsExactly(p + "_U");
		assertThat(codes(new UnitSearch("_", null, null))).as("an underscore is no wildcard").containsExactly(p + "_U");
		assertThat(codes(new UnitSearch("%", null, null))).as("nor a percent sign").containsExactly(p + "B");
		assertThat(codes(new UnitSearch(null, UnitKind.TOWNSHIP, null))).containsExactly(p);
		assertThat(codes(new UnitSearch(null, UnitKind.COMMUNITY, false))).containsExactly(p + "Z");
		assertThat(codes(new UnitSearch("  社区 ", UnitKind.COMMUNITY, true))).containsExactlyInAnyOrder(p + "_U", p + "B");
		var first = units.search(UnitSearch.all(), officer, new PageRequest(0, 2, "code", false));
		var second = units.search(UnitSearch.all(), officer, new PageRequest(1, 2, "code", false));
		assertThat(first.total()).isEqualTo(4);
		assertThat(first.items()).extracting(UnitView::code).as("the shortest code sorts first").startsWith(p).hasSize(2);
		assertThat(second.items()).extracting(UnitView::code).as("pages do not overlap").hasSize(2)
			.doesNotContainAnyElementsOf(first.items().stream().map(UnitView::code).toList());
		assertThat(codes(new UnitSearch("Alpha", null, null), TestUnits.officerOf(TestUnits.township(units, "elsewhere")))).isEmpty();
	}

	@Test
	void populationFiguresAreKeptPerCellReplacedOnUpdateAndReadWithinTheScope() {
		PopulationCell young = new PopulationCell(Gender.MALE, AgeGroup.AGE_18_29);
		PopulationCell old = new PopulationCell(Gender.FEMALE, AgeGroup.AGE_60_PLUS);
		UnitView community = units.create(new UnitDraft(town.code() + "P", "人口社区", UnitKind.COMMUNITY, town.code(), null, null, 500,
				Map.of(young, 120, old, 80)));
		assertThat(units.findById(community.id()).orElseThrow().population()).containsOnly(Map.entry(young, 120), Map.entry(old, 80));
		assertThat(units.populationByUnit(officer)).containsOnlyKeys(community.id());
		units.update(community.id(), new UnitDraft(community.code(), "人口社区", UnitKind.COMMUNITY, town.code(), null, null, 510,
				Map.of(young, 130)), ALL);
		assertThat(units.populationByUnit(officer).get(community.id())).containsOnly(Map.entry(young, 130));
		assertThat(units.findById(community.id()).orElseThrow().populationTotal()).isEqualTo(510);
		UnitView other = TestUnits.township(units, "population elsewhere");
		assertThat(units.populationByUnit(TestUnits.officerOf(other))).isEmpty();
	}

	@Test
	void unitNamesIncludeInactiveUnits() {
		UnitView community = TestUnits.community(units, town, "gone");
		units.deactivate(community.id(), ALL);
		assertThat(units.names()).containsEntry(community.id(), community.name()).containsEntry(town.id(), town.name());
	}

	private List<String> codes(UnitSearch search) {
		return codes(search, officer);
	}

	private List<String> codes(UnitSearch search, DataScope scope) {
		return units.search(search, scope, new PageRequest(0, 50, "code", false)).items().stream().map(UnitView::code).toList();
	}

	private List<AuditEntry> auditOf(String action, long id) {
		return audit.search(new AuditQuery(null, null, null, action, "unit", String.valueOf(id)), new PageRequest(0, 10, null, false)).items();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String messageKey) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e.messageKey()).isEqualTo(messageKey);
			assertThat(e.field()).isEqualTo(field);
		});
	}

	private static UnitDraft draft(String code, UnitKind kind, String parent) {
		return new UnitDraft(code, "unit " + code, kind, parent, null, null, null, Map.of());
	}
}
