package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.SpecialGroups.MemberView;
import org.minyi.outreach.SpecialGroups.NewMember;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.TabularReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The special-group registry: sealed and masked personal data, audited reading, no double registration, scope by id, missed care. */
@MinyiTest
class SpecialGroupsTests {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	private static final Random RANDOM = new Random();

	@Autowired
	SpecialGroups groups;

	@Autowired
	UnitManagement units;

	@Autowired
	SpecialGroupKinds kinds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	UnitView community;

	@BeforeEach
	void community() {
		community = TestUnits.community(units, TestUnits.township(units, "care town"), "care community");
	}

	@Test
	void personalDataIsSealedMaskedAndEveryReadingAudited() throws Exception {
		String id = idNumber();
		MemberView member = groups.register(member(id, "13805739999"), DISTRICT);
		assertThat(member.nameMasked()).isEqualTo("钱**");
		assertThat(member.idMasked()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(member.phoneMasked()).isEqualTo("138****9999");
		assertThat(jdbc.sql("select id_sealed || name_sealed || address_sealed from special_group_member where id = :id").param("id", member.id())
			.query(String.class).single()).doesNotContain(id, "钱桂芳", "2幢");
		SpecialGroups.Person person = groups.reveal(member.id(), DISTRICT);
		assertThat(person.idNumber()).isEqualTo(id);
		assertThat(person.address()).isEqualTo("解放路社区2幢4单元501");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'personal.reveal' and target_type = 'special_group_member' "
				+ "and target_id = :id").param("id", String.valueOf(member.id())).query(Long.class).single()).as("four values read").isEqualTo(4);

		byte[] export = mvc.perform(get("/outreach/special-groups/export?unit=" + community.id()).with(user(users.loadUserByUsername("district"))))
			.andReturn().getResponse().getContentAsByteArray();
		List<List<String>> rows = new ArrayList<>();
		TabularReader.read(new ByteArrayInputStream(export), 100, row -> rows.add(row.cells()));
		assertThat(rows).hasSize(2);
		assertThat(String.join(",", rows.get(1))).contains("钱**", member.idMasked(), "138****9999").doesNotContain(id, "13805739999", "钱桂芳");
	}

	@Test
	void aPersonIsRegisteredOnceAndBadNumbersAreRefused() {
		String id = idNumber();
		groups.register(member(id, null), DISTRICT);
		assertRefused(member(id, null), "outreach.group.error.duplicate");
		assertRefused(member(id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'), null), "idNumber.error.check");
		assertRefused(member("12345", null), "idNumber.error.format");
		assertRefused(member(idNumber(), "110"), "phone.error.invalid");
	}

	@Test
	void anotherTownshipCannotReachTheMemberAndMissedCareIsFlagged() {
		MemberView member = groups.register(member(idNumber(), null), DISTRICT);
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope other = DataScope.subtree(chengguan.id(), chengguan.path());
		assertThatThrownBy(() -> groups.find(member.id(), other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> groups.reveal(member.id(), other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> groups.logCare(member.id(), groups.today(), "x", "officer", other)).isInstanceOf(RecordNotFoundException.class);
		assertThat(groups.list(null, null, false, other)).extracting(MemberView::id).doesNotContain(member.id());

		jdbc.sql("update special_group_member set registered_on = :d where id = :id").param("d", groups.today().minusDays(10))
			.param("id", member.id()).update();
		DataScope own = DataScope.subtree(community.id(), community.path());
		assertThat(groups.list(community.id(), null, true, own)).extracting(MemberView::id).containsExactly(member.id());
		groups.logCare(member.id(), groups.today().minusDays(1), "上门看望", "officer", own);
		MemberView cared = groups.find(member.id(), own);
		assertThat(cared.missed()).isFalse();
		assertThat(cared.nextCare()).isEqualTo(groups.today().plusDays(6));
		assertThat(groups.list(community.id(), "ELDERLY_ALONE", true, own)).isEmpty();
	}

	@Test
	void theDistrictAddsAKindPeopleAreRegisteredUnderItAndARetiredKindIsKeptButNotOffered() {
		String suffix = String.valueOf(System.nanoTime() % 100_000);
		SpecialGroupKinds.GroupKind added = kinds.add("社区矫正" + suffix, "Community correction " + suffix);
		assertThat(added.code()).startsWith("KIND");
		assertThat(kinds.labels(Locale.ENGLISH)).containsEntry(added.code(), "Community correction " + suffix);
		assertThat(kinds.labels(Locale.SIMPLIFIED_CHINESE)).containsEntry(added.code(), "社区矫正" + suffix);
		assertThatThrownBy(() -> kinds.add("社区矫正" + suffix, "other")).hasMessage("outreach.groupKind.error.duplicate");
		assertThatThrownBy(() -> kinds.add(" ", "x")).hasMessage("outreach.groupKind.error.name");
		assertThatThrownBy(() -> kinds.add("一二三四五六七八九十一二三四五六七八九十一", "x")).hasMessage("input.error.tooLong");

		NewMember underNewKind = new NewMember(community.id(), added.code(), "钱桂芳", idNumber(), null, "解放路社区2幢4单元501", null,
				Visits.Frequency.MONTHLY, "officer");
		MemberView member = groups.register(underNewKind, DISTRICT);
		assertThat(groups.list(community.id(), added.code(), false, DISTRICT)).extracting(MemberView::id).containsExactly(member.id());

		kinds.setActive(added.code(), false);
		assertThat(kinds.active()).extracting(SpecialGroupKinds.GroupKind::code).doesNotContain(added.code());
		assertThat(groups.find(member.id(), DISTRICT).kind()).as("registered people keep their kind").isEqualTo(added.code());
		assertRefused(new NewMember(community.id(), added.code(), "孙秀兰", idNumber(), null, null, null, Visits.Frequency.MONTHLY, "officer"),
				"outreach.group.error.kind");
		assertRefused(new NewMember(community.id(), "FORGED", "孙秀兰", idNumber(), null, null, null, Visits.Frequency.MONTHLY, "officer"),
				"outreach.group.error.kind");
		kinds.rename(added.code(), "社区矫正对象" + suffix, "People under community correction " + suffix);
		assertThat(kinds.find(added.code()).orElseThrow().name()).isEqualTo("社区矫正对象" + suffix);
	}

	@Test
	void theLastKindInUseCannotBeRetired() {
		List<String> inUse = kinds.active().stream().map(SpecialGroupKinds.GroupKind::code).toList();
		try {
			inUse.subList(1, inUse.size()).forEach(code -> kinds.setActive(code, false));
			assertThatThrownBy(() -> kinds.setActive(inUse.get(0), false)).hasMessage("outreach.groupKind.error.last");
		}
		finally {
			inUse.forEach(code -> kinds.setActive(code, true));
		}
	}

	private void assertRefused(NewMember member, String messageKey) {
		assertThatThrownBy(() -> groups.register(member, DISTRICT)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.messageKey()).isEqualTo(messageKey));
	}

	private NewMember member(String id, String phone) {
		return new NewMember(community.id(), "ELDERLY_ALONE", "钱桂芳", id, phone, "解放路社区2幢4单元501", "高血压", Visits.Frequency.WEEKLY,
				"officer");
	}

	/** A random valid identity number (check character by GB 11643). */
	private static String idNumber() {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		StringBuilder digits = new StringBuilder("3301021950");
		for (int i = 0; i < 7; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (digits.charAt(i) - '0') * weights[i];
		}
		return digits.append("10X98765432".charAt(sum % 11)).toString();
	}
}
