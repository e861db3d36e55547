package org.minyi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.access.AuditQuery;
import org.minyi.access.AuditTrail;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class UnitManagementTests {

	private static final DataScope ALL = DataScope.wholeDistrict();

	@Autowired
	UnitManagement units;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void movingATownshipMovesItsWholeSubtree() {
		String p = prefix();
		UnitView township = units.create(draft(p, UnitKind.TOWNSHIP, "YJ"));
		UnitView community = units.create(draft(p + "C", UnitKind.COMMUNITY, p));
		UnitView institution = units.create(draft(p + "I", UnitKind.INSTITUTION, p + "C"));
		assertThat(institution.path()).isEqualTo(township.path() + community.id() + "/" + institution.id() + "/");

		UnitView other = units.create(draft(p + "T2", UnitKind.TOWNSHIP, "YJ"));
		units.update(community.id(), draft(p + "C", UnitKind.COMMUNITY, p + "T2"), ALL);
		assertThat(units.findById(institution.id()).orElseThrow().path())
			.isEqualTo(other.path() + community.id() + "/" + institution.id() + "/");
		assertThat(units.find(institution.id(), DataScope.subtree(township.id(), township.path()))).isEmpty();
	}

	@Test
	void aUnitCannotMoveBelowItself() {
		String p = prefix();
		units.create(draft(p, UnitKind.TOWNSHIP, "YJ"));
		UnitView community = units.create(draft(p + "C", UnitKind.COMMUNITY, p));
		UnitView institution = units.create(draft(p + "I", UnitKind.INSTITUTION, p + "C"));
		assertThatThrownBy(() -> units.update(community.id(), draft(p + "C", UnitKind.COMMUNITY, p + "I"), ALL))
			.isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> units.update(community.id(), draft(p + "C", UnitKind.INSTITUTION, p), ALL))
			.hasMessage("unit.error.kindWithChildren");
		assertThat(units.findById(institution.id()).orElseThrow().path()).contains("/" + community.id() + "/");
	}

	@Test
	void deactivationIsRefusedWhileActiveChildrenRemainAndIsAudited() {
		String p = prefix();
		UnitView township = units.create(draft(p, UnitKind.TOWNSHIP, "YJ"));
		UnitView community = units.create(draft(p + "C", UnitKind.COMMUNITY, p));
		assertThatThrownBy(() -> units.deactivate(township.id(), ALL)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("unit.error.activeChildren");
		units.deactivate(community.id(), ALL);
		assertThat(units.deactivate(township.id(), ALL).active()).isFalse();
		assertThatThrownBy(() -> units.create(draft(p + "X", UnitKind.COMMUNITY, p)))
			.hasMessage("unit.error.parentInactive");
		assertThat(audit.search(new AuditQuery(null, null, null, "unit.deactivate", "unit", String.valueOf(township.id())),
				new PageRequest(0, 10, null, false)).total()).isEqualTo(1);
	}

	@Test
	void duplicateCodeIsRefusedOnTheCodeField() {
		assertThatThrownBy(() -> units.create(draft("YJCG", UnitKind.TOWNSHIP, "YJ")))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("code"));
	}

	@Test
	void searchSortsOnTheServerByAllowedColumnsOnly() {
		var byPopulation = units.search(new UnitSearch(null, UnitKind.TOWNSHIP, true), ALL,
				new PageRequest(0, 50, "population_total", true));
		assertThat(byPopulation.items()).extracting(UnitView::populationTotal).filteredOn(java.util.Objects::nonNull)
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		var injected = units.search(UnitSearch.all(), ALL, new PageRequest(0, 5, "name; drop table unit", false));
		assertThat(injected.total()).isGreaterThan(80);
	}

	@Test
	void htmxSearchReturnsOnlyTheResultsFragment() throws Exception {
		String body = mvc.perform(get("/org/units").param("q", "城关").header("HX-Request", "true")
			.with(user(users.loadUserByUsername("district")))).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("id=\"unit-results\"", "城关街道").doesNotContain("<html", "<nav class=\"col-md-2");
	}

	private static UnitDraft draft(String code, UnitKind kind, String parent) {
		return new UnitDraft(code, "unit " + code, kind, parent, null, null, null, Map.of());
	}

	private static String prefix() {
		return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}
}
