package org.minyi.outreach;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.minyi.access.AccountManagement;
import org.minyi.access.AccountView;
import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests.NewRequest;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.TextInput;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.files.FileStore;
import org.minyi.platform.files.FileTypes;
import org.minyi.platform.files.Uploads;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Contact assignments and visits: a cadre answers for a community (or one household in it) and
 * visits at a set frequency; the cadre's due visits come first, missed ones flagged. A visit is
 * logged with the people met, the topics, photos, and the problems raised — each becomes a citizen
 * request of the visited unit in the same step. A unit officer sees their subtree's.
 */
@Service
@Transactional
public class Visits {

	/** How often a contact is visited. */
	public enum Frequency {
		WEEKLY(7), FORTNIGHTLY(14), MONTHLY(30), QUARTERLY(91);

		private final int days;

		Frequency(int days) {
			this.days = days;
		}

		public int days() {
			return days;
		}

		/** The frequency of a number of days (monthly when none matches). */
		static Frequency of(int days) {
			return java.util.Arrays.stream(values()).filter(f -> f.days == days).findFirst().orElse(MONTHLY);
		}

		public String messageKey() {
			return "outreach.frequency." + name();
		}
	}

	public record AssignmentView(long id, String cadre, long unitId, String householdMasked, Frequency frequency, LocalDate startsOn,
			boolean active, LocalDate lastVisit, LocalDate nextDue, boolean overdue) {
	}

	/** A problem a resident raised on the visit, with the resident's contact for the follow-up call (optional). */
	public record RaisedProblem(RequestCategory category, String title, String description, String contactName, String contactPhone) {
	}

	public record NewVisit(Long assignmentId, Long unitId, LocalDate visitedOn, String household, Integer peopleMet, String topics,
			List<RaisedProblem> problems) {
	}

	/** A photo as uploaded: its name and bytes. */
	public record PhotoUpload(String name, InputStream content) {
	}

	public record VisitView(long id, Long assignmentId, String cadre, long unitId, LocalDate visitedOn, String householdMasked, int peopleMet,
			String topics, Instant createdAt) {
	}

	public record Photo(long id, String name, String contentType, long size) {
	}

	private static final int MAX_PHOTOS = 6;

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final AccountManagement accounts;

	private final CitizenRequests requests;

	private final PersonalData personalData;

	private final Uploads uploads;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxPhotoBytes;

	Visits(JdbcClient jdbc, UnitManagement units, AccountManagement accounts, CitizenRequests requests, PersonalData personalData,
			Uploads uploads, FileStore files, ApplicationEventPublisher events, Clock clock,
			@Value("${minyi.outreach.max-photo-size:10MB}") DataSize maxPhotoSize) {
		this.jdbc = jdbc;
		this.units = units;
		this.accounts = accounts;
		this.requests = requests;
		this.personalData = personalData;
		this.uploads = uploads;
		this.files = files;
		this.events = events;
		this.clock = clock;
		this.maxPhotoBytes = maxPhotoSize.toBytes();
	}

	/** Makes a cadre (an officer or district administrator in scope) answer for a unit or one household in it. */
	public AssignmentView assign(String cadre, long unitId, String household, Frequency frequency, DataScope scope) {
		String account = cadreInScope(cadre, scope);
		UnitView unit = unitInScope(unitId, scope);
		if (frequency == null) {
			throw new BusinessRuleException("frequency", "outreach.visit.error.frequency");
		}
		String home = TextInput.clean(household, 200, "household", null);
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into contact_assignment (cadre, unit_id, household_sealed, household_masked, frequency_days, starts_on, active,
				  created_at, created_by)
				values (:cadre, :unit, :sealed, :masked, :days, :starts, true, :now, :by)""")
			.param("cadre", account)
			.param("unit", unit.id())
			.param("sealed", home == null ? null : personalData.protect(home).sealed())
			.param("masked", home == null ? null : maskHousehold(home))
			.param("days", frequency.days())
			.param("starts", today())
			.param("now", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update(key, "id");
		long id = key.getKey().longValue();
		events.publishEvent(AuditEvent.of("outreach.assignment.create", "contact_assignment", id,
				"cadre=" + account + ", unit=" + unit.id() + ", every " + frequency.days() + " days"));
		return assignment(id, scope);
	}

	/** The username of an enabled unit officer or district administrator whose unit the scope covers: who may answer for people. */
	String cadreInScope(String cadre, DataScope scope) {
		return accounts.findEnabled(cadre == null ? "" : cadre.strip())
			.filter(a -> a.role() == Role.UNIT_OFFICER || a.role() == Role.DISTRICT_ADMIN)
			.filter(a -> units.findById(a.unitId()).map(u -> scope.covers(u.path())).orElse(false))
			.map(AccountView::username)
			.orElseThrow(() -> new BusinessRuleException("cadre", "outreach.visit.error.cadre"));
	}

	/** Ends an assignment (kept for the record, no longer due). */
	public void end(long assignmentId, DataScope scope) {
		AssignmentView assignment = assignment(assignmentId, scope);
		if (!assignment.active()) {
			throw BusinessRuleException.of("outreach.visit.error.ended");
		}
		jdbc.sql("update contact_assignment set active = false, ended_at = :now where id = :id")
			.param("now", SqlTimes.bind(clock.instant()))
			.param("id", assignmentId)
			.update();
		events.publishEvent(AuditEvent.of("outreach.assignment.end", "contact_assignment", assignmentId, "cadre=" + assignment.cadre()));
	}

	/** Active assignments in scope (or of one cadre), the most overdue first. */
	@Transactional(readOnly = true)
	public List<AssignmentView> assignments(String cadre, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" where a.active = true");
		if (cadre != null) {
			where.append(" and a.cadre = :cadre");
			params.addValue("cadre", cadre);
		}
		if (!scope.districtWide()) {
			where.append(" and a.unit_id in (:units)");
			params.addValue("units", units.subtreeIds(scope));
		}
		List<AssignmentView> list = new ArrayList<>(jdbc.sql(ASSIGNMENTS + where + " order by a.id").paramSource(params).query(this::assignment)
			.list());
		list.sort(java.util.Comparator.comparing(AssignmentView::nextDue).thenComparing(AssignmentView::id));
		return list;
	}

	@Transactional(readOnly = true)
	public AssignmentView assignment(long id, DataScope scope) {
		return jdbc.sql(ASSIGNMENTS + " where a.id = :id")
			.param("id", id)
			.query(this::assignment)
			.optional()
			.filter(a -> inScope(a.unitId(), scope))
			.orElseThrow(() -> new RecordNotFoundException("contact_assignment", id));
	}

	/**
	 * Logs a cadre's visit; its problems become citizen requests of the visited unit. With an
	 * assignment, the unit and household are the assignment's, and only its cadre may log it.
	 */
	public VisitView log(String cadre, NewVisit visit, List<PhotoUpload> photos, DataScope scope) {
		long unitId;
		Long assignmentId = visit.assignmentId();
		String household = TextInput.clean(visit.household(), 200, "household", null);
		if (assignmentId != null) {
			AssignmentView assignment = assignment(assignmentId, scope);
			if (!assignment.cadre().equals(cadre) || !assignment.active()) {
				throw BusinessRuleException.of("outreach.visit.error.notYours");
			}
			unitId = assignment.unitId();
		}
		else if (visit.unitId() == null) {
			throw new BusinessRuleException("unitId", "outreach.visit.error.unit");
		}
		else {
			unitId = unitInScope(visit.unitId(), scope).id();
		}
		LocalDate day = visit.visitedOn();
		if (day == null || day.isAfter(today()) || day.isBefore(today().minusDays(90))) {
			throw new BusinessRuleException("visitedOn", "outreach.visit.error.date");
		}
		if (visit.peopleMet() == null || visit.peopleMet() < 1 || visit.peopleMet() > 10_000) {
			throw new BusinessRuleException("peopleMet", "outreach.visit.error.peopleMet");
		}
		String topics = TextInput.clean(visit.topics(), 2000, "topics", "outreach.visit.error.topics");
		if (photos.size() > MAX_PHOTOS) {
			throw new BusinessRuleException("photos", "outreach.visit.error.photos", MAX_PHOTOS);
		}
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into visit (assignment_id, cadre, unit_id, visited_on, household_sealed, household_masked, people_met, topics, created_at)
				values (:assignment, :cadre, :unit, :day, :sealed, :masked, :people, :topics, :now)""")
			.param("assignment", assignmentId)
			.param("cadre", cadre)
			.param("unit", unitId)
			.param("day", day)
			.param("sealed", household == null ? null : personalData.protect(household).sealed())
			.param("masked", household == null ? null : maskHousehold(household))
			.param("people", visit.peopleMet())
			.param("topics", topics)
			.param("now", SqlTimes.bind(clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		for (PhotoUpload photo : photos) {
			Uploads.StoredFile file = uploads.store(photo.name(), photo.content(), maxPhotoBytes, EnumSet.of(FileTypes.JPEG, FileTypes.PNG));
			jdbc.sql("insert into visit_photo (visit_id, file_key, file_name, content_type, file_size) values (:visit, :key, :name, :type, :size)")
				.param("visit", id)
				.param("key", file.key())
				.param("name", file.name())
				.param("type", file.type().contentType())
				.param("size", file.size())
				.update();
		}
		DataScope unitScope = DataScope.wholeDistrict();
		for (RaisedProblem problem : visit.problems()) {
			long requestId = requests.receive(new NewRequest(RequestSource.VISIT, problem.category(), problem.title(), problem.description(),
					null, problem.contactName(), problem.contactPhone(), unitId), unitScope).id();
			requests.linkToVisit(requestId, id);
		}
		events.publishEvent(AuditEvent.of("outreach.visit.log", "visit", id, "unit=" + unitId + ", problems=" + visit.problems().size()));
		return find(id, scope);
	}

	@Transactional(readOnly = true)
	public PageResult<VisitView> list(Long unitId, DataScope scope, PageRequest page) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = units.visibleUnits(unitId, scope).map(ids -> {
			params.addValue("units", ids);
			return " where unit_id in (:units)";
		}).orElse(" where 1 = 1");
		long total = jdbc.sql("select count(*) from visit" + where).paramSource(params).query(Long.class).single();
		List<VisitView> items = jdbc.sql("select * from visit" + where + " order by visited_on desc, id desc limit :limit offset :offset")
			.paramSource(params.addValue("limit", page.size()).addValue("offset", page.offset()))
			.query(Visits::visit)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public VisitView find(long id, DataScope scope) {
		return jdbc.sql("select * from visit where id = :id")
			.param("id", id)
			.query(Visits::visit)
			.optional()
			.filter(v -> inScope(v.unitId(), scope))
			.orElseThrow(() -> new RecordNotFoundException("visit", id));
	}

	@Transactional(readOnly = true)
	public List<Photo> photos(long visitId, DataScope scope) {
		find(visitId, scope);
		return jdbc.sql("select id, file_name, content_type, file_size from visit_photo where visit_id = :visit order by id")
			.param("visit", visitId)
			.query((rs, n) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/** A photo with its bytes, for whoever may see the visit. */
	public record PhotoContent(Photo photo, InputStream content) {
	}

	@Transactional(readOnly = true)
	public PhotoContent photo(long visitId, long photoId, DataScope scope) {
		find(visitId, scope);
		return jdbc.sql("select id, file_name, content_type, file_size, file_key from visit_photo where id = :id and visit_id = :visit")
			.param("id", photoId)
			.param("visit", visitId)
			.query((rs, n) -> {
				try {
					return new PhotoContent(new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), files.open(rs.getString(5)));
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			})
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("visit_photo", photoId));
	}

	/** A citizen request raised on a visit. */
	public record Raised(long id, String reference, String title, RequestStatus status) {
	}

	@Transactional(readOnly = true)
	public List<Raised> raised(long visitId, DataScope scope) {
		find(visitId, scope);
		return jdbc.sql("select id, reference, title, status from citizen_request where visit_id = :visit order by id")
			.param("visit", visitId)
			.query((rs, n) -> new Raised(rs.getLong(1), rs.getString(2), rs.getString(3), RequestStatus.valueOf(rs.getString(4))))
			.list();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE));
	}

	private static final String ASSIGNMENTS = """
			select a.*, (select max(v.visited_on) from visit v where v.assignment_id = a.id) as last_visit from contact_assignment a""";

	private AssignmentView assignment(ResultSet rs, int n) throws SQLException {
		int days = rs.getInt("frequency_days");
		Frequency frequency = Frequency.of(days);
		LocalDate startsOn = rs.getObject("starts_on", LocalDate.class);
		LocalDate last = rs.getObject("last_visit", LocalDate.class);
		LocalDate nextDue = (last == null ? startsOn : last).plusDays(days);
		return new AssignmentView(rs.getLong("id"), rs.getString("cadre"), rs.getLong("unit_id"), rs.getString("household_masked"), frequency,
				startsOn, rs.getBoolean("active"), last, nextDue, rs.getBoolean("active") && nextDue.isBefore(today()));
	}

	private static VisitView visit(ResultSet rs, int n) throws SQLException {
		return new VisitView(rs.getLong("id"), rs.getObject("assignment_id", Long.class), rs.getString("cadre"), rs.getLong("unit_id"),
				rs.getObject("visited_on", LocalDate.class), rs.getString("household_masked"), rs.getInt("people_met"), rs.getString("topics"),
				SqlTimes.instant(rs, "created_at"));
	}

	private boolean inScope(long unitId, DataScope scope) {
		return scope.districtWide() || units.findById(unitId).map(u -> scope.covers(u.path())).orElse(false);
	}

	private UnitView unitInScope(long unitId, DataScope scope) {
		return units.findById(unitId)
			.filter(u -> u.active() && scope.covers(u.path()))
			.orElseThrow(() -> new BusinessRuleException("unitId", "outreach.visit.error.unit"));
	}

	/** The start of an address and stars: enough to tell households apart in a list, not to find one. */
	static String maskHousehold(String household) {
		return household.substring(0, Math.min(6, household.length())) + "***";
	}
}
