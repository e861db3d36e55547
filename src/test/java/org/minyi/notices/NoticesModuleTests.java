package org.minyi.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.minyi.NoticesDelivered;
import org.minyi.notices.NoticeKind.Audience;
import org.minyi.notices.Notices.Notice;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The notice centre on its own (with the units and accounts it sends to): it knows nothing of the
 * module whose kinds and events are declared here, yet announces, fills in the unit's name,
 * reaches the right people, sends a notice once, and settles.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles({ "test", "demo" })
class NoticesModuleTests {

	static final NoticeKind PINGED = new NoticeKind("notices", "TEST_PINGED", Audience.DISTRICT, false);

	static final NoticeKind PINGED_UNIT = new NoticeKind("notices", "TEST_PINGED_UNIT", Audience.UNIT, false);

	private static final AtomicLong THINGS = new AtomicLong(System.nanoTime() % 1_000_000L);

	/** Something of a module the centre has never heard of happened to a thing of a unit. */
	record Pinged(long thingId, long unitId, boolean toUnit) implements NoticeEvent {

		@Override
		public String link() {
			return "/things/" + thingId;
		}

		@Override
		public Optional<Announcement> announcement() {
			return Optional.of(new Announcement(toUnit ? PINGED_UNIT : PINGED, unitId, "thing:" + thingId,
					List.of("thing " + thingId, Announcement.UNIT_NAME)));
		}
	}

	/** The thing is dealt with. */
	record Done(long thingId) implements NoticeEvent {

		@Override
		public String link() {
			return "/things/" + thingId;
		}

		@Override
		public Set<NoticeKind> settles() {
			return Set.of(PINGED, PINGED_UNIT);
		}
	}

	@TestConfiguration
	static class TestKinds {

		@Bean
		NoticeKinds testNoticeKinds() {
			return () -> List.of(PINGED, PINGED_UNIT);
		}
	}

	@Autowired
	Notices notices;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Test
	void anEventOfAnotherModuleIsAnnouncedOnceToItsAudienceWithTheUnitNamed(Scenario scenario) {
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		long thing = THINGS.incrementAndGet();
		scenario.publish(new Pinged(thing, chengguan.id(), false))
			.andWaitForStateChange(() -> about(thing, "district"), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).singleElement().satisfies(notice -> {
				assertThat(notice.kind()).isEqualTo("TEST_PINGED");
				assertThat(notice.messageKey()).isEqualTo("notices.notice.TEST_PINGED");
				assertThat(notice.arguments()).containsExactly("thing " + thing, "城关街道");
				assertThat(notice.read()).isFalse();
			}));
		assertThat(about(thing, "officer")).as("a district kind stays with the district").isEmpty();

		// the same event again, as a second node or a republication after a crash would publish it
		scenario.publish(new Pinged(thing, chengguan.id(), false))
			.andWaitForStateChange(() -> NoticesDelivered.handled(jdbc))
			.andVerify(handled -> assertThat(about(thing, "district")).as("told once").hasSize(1));
	}

	@Test
	void aUnitKindReachesTheOfficersOfTheNearestUnitThatHasSomeAndIsSettledForEveryone(Scenario scenario) {
		UnitView community = units.findByCode("YJCG01").orElseThrow();
		long thing = THINGS.incrementAndGet();
		scenario.publish(new Pinged(thing, community.id(), true))
			.andWaitForStateChange(() -> about(thing, "officer"), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).singleElement()
				.satisfies(notice -> assertThat(notice.arguments()).containsExactly("thing " + thing, "解放路社区")));
		assertThat(about(thing, "officer2")).as("another township's officer").isEmpty();
		assertThat(about(thing, "district")).isEmpty();

		scenario.publish(new Done(thing))
			.andWaitForStateChange(() -> about(thing, "officer"), found -> found.stream().allMatch(Notice::read))
			.andVerify(found -> assertThat(found).hasSize(1));
	}

	/**
	 * A node that dies between a step's commit and its notice leaves the publication incomplete in the
	 * registry; resubmitting it (as the next start does) tells the district after all.
	 */
	@Test
	void anEventLeftUnhandledByACrashIsToldWhenResubmitted(Scenario scenario) {
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		long handled = THINGS.incrementAndGet();
		scenario.publish(new Pinged(handled, chengguan.id(), false))
			.andWaitForStateChange(() -> about(handled, "district"), found -> !found.isEmpty())
			.andVerify(found -> assertThat(publicationsOf(handled)).as("recorded in the registry and completed").containsExactly(true));

		long lost = THINGS.incrementAndGet();
		UUID publication = UUID.randomUUID();
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
				select :id, listener_id, event_type, :event, publication_date, 'PUBLISHED', 0 from event_publication
				where listener_id like '%NoticeListener%' and serialized_event like :handled""")
			.param("id", publication)
			.param("event", "{\"thingId\":" + lost + ",\"unitId\":" + chengguan.id() + ",\"toUnit\":false}")
			.param("handled", "%\"thingId\":" + handled + ",%")
			.update();
		assertThat(about(lost, "district")).isEmpty();

		incomplete.resubmitIncompletePublications(candidate -> candidate.getIdentifier().equals(publication));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> about(lost, "district").size() == 1);
		assertThat(publicationsOf(lost)).as("completed by the resubmission").containsExactly(true);
	}

	@Test
	void kindsAreListedForTheRolesTheyReach() {
		assertThat(notices.kindsReaching("DISTRICT_ADMIN")).contains(PINGED).doesNotContain(PINGED_UNIT);
		assertThat(notices.kindsReaching("UNIT_OFFICER")).contains(PINGED_UNIT).doesNotContain(PINGED);
		assertThat(notices.kindsNamed(List.of("TEST_PINGED", "NO_SUCH_KIND"))).containsExactly(PINGED);
	}

	/** Whether each publication of the centre about the thing is completed. */
	private List<Boolean> publicationsOf(long thing) {
		return jdbc.sql("select completion_date is not null from event_publication where listener_id like '%NoticeListener%' and serialized_event like :thing")
			.param("thing", "%\"thingId\":" + thing + ",%")
			.query(Boolean.class)
			.list();
	}

	private List<Notice> about(long thing, String username) {
		return notices.recent(username, 200).stream().filter(notice -> notice.link().equals("/things/" + thing)).toList();
	}
}
