package org.minyi.workplan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.minyi.org.UnitManagement;
import org.minyi.platform.Aggregates;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.StatusHistory;
import org.minyi.platform.Where;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.files.FileStore;
import org.minyi.platform.files.FileTypes;
import org.minyi.platform.files.Uploads;
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
 * The tasks of published plans, as units work them and the district reviews them. Every step is
 * checked and taken by the task itself ({@link WorkTask}), recorded in the task's history and the
 * audit trail, and refused when another step got there first. A unit officer reaches only the tasks
 * of units in their subtree; anything else is "not found".
 */
@Service
@Transactional
public class WorkTasks {

	/** The district's time zone, in which task days are counted (public for the demo in {@code workplan.demo}). */
	public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	public record TaskView(long id, long planId, String planName, long itemId, PlanSection section, String title,
			String description, ExpectedEvidence expected, long unitId, TaskStatus status, LocalDate dueDate, Instant submittedAt,
			Instant closedAt, String lastComment, int version, boolean overdue) {
	}

	/** @param overdue only tasks past their due date still with the unit */
	public record TaskFilter(Long planId, Long unitId, TaskStatus status, boolean overdue) {
	}

	public enum EvidenceKind {
		FILE, MEETING, LEDGER
	}

	public record Evidence(long id, EvidenceKind kind, String fileName, String contentType, Long fileSize, LocalDate meetingDate,
			String place, String chairedBy, Integer attendance, String minutes, Long ledgerEntryId, Instant createdAt, String createdBy) {
	}

	public record MeetingRecord(LocalDate date, String place, String chairedBy, Integer attendance, String minutes) {
	}

	public record EvidenceFile(String name, String contentType, long size, InputStream content) {
	}

	private static final String SELECT = """
			select t.*, i.section, i.title, i.description, i.evidence, p.name as plan_name
			from work_task t join plan_item i on i.id = t.item_id join work_plan p on p.id = t.plan_id""";

	private final JdbcClient jdbc;

	private final WorkTaskRepository repository;

	private final StatusHistory<TaskStatus> history;

	private final UnitManagement units;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxFileBytes;

	private final Ledgers ledgers;

	private final Uploads uploads;

	WorkTasks(JdbcClient jdbc, WorkTaskRepository repository, UnitManagement units, FileStore files, ApplicationEventPublisher events, Clock clock,
			@Value("${minyi.workplan.max-evidence-size:20MB}") DataSize maxFileSize, Ledgers ledgers, Uploads uploads) {
		this.ledgers = ledgers;
		this.uploads = uploads;
		this.jdbc = jdbc;
		this.repository = repository;
		this.history = new StatusHistory<>(jdbc, clock, TaskStatus.class, "task_event", "task_id");
		this.units = units;
		this.files = files;
		this.events = events;
		this.clock = clock;
		this.maxFileBytes = maxFileSize.toBytes();
	}

	@Transactional(readOnly = true)
	public PageResult<TaskView> list(TaskFilter filter, DataScope scope, PageRequest page) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("today", today());
		String where = new Where(params).in("t.unit_id", scope.districtWide() ? Optional.empty() : Optional.of(units.subtreeIds(scope)))
			.equal("t.plan_id", filter.planId())
			.equal("t.unit_id", filter.unitId())
			.equal("t.status", filter.status())
			.when(filter.overdue(), "t.due_date < :today and t.status in ('ASSIGNED', 'IN_PROGRESS', 'RETURNED')")
			.sql();
		long total = jdbc.sql("select count(*) from work_task t" + where).paramSource(params).query(Long.class).single();
		params.addValue("limit", page.size()).addValue("offset", page.offset());
		List<TaskView> items = jdbc.sql(SELECT + where + " order by t.due_date, t.id limit :limit offset :offset")
			.paramSource(params)
			.query(this::task)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** A task the user may see; any other id is "not found". */
	@Transactional(readOnly = true)
	public TaskView find(long id, DataScope scope) {
		return jdbc.sql(SELECT + " where t.id = :id")
			.param("id", id)
			.query(this::task)
			.optional()
			.filter(task -> scope.districtWide() || units.subtreeIds(scope).contains(task.unitId()))
			.orElseThrow(() -> new RecordNotFoundException("work_task", id));
	}

	/**
	 * Moves the task on. SUBMIT needs evidence; RETURN and CANCEL need a comment. {@code version} is
	 * the version the user saw: a step taken meanwhile by someone else refuses this one.
	 */
	public TaskView act(long id, TaskAction action, String comment, int version, DataScope scope) {
		find(id, scope);
		if (action.byDistrict() != scope.districtWide()) {
			throw BusinessRuleException.of("workplan.task.error.role");
		}
		WorkTask task = load(id);
		task.expectVersion(version);
		move(task, action, comment, action == TaskAction.SUBMIT && hasEvidence(id));
		return find(id, scope);
	}

	/** Adds a file (document or photo) as evidence; a task not yet started is started by it. */
	public Evidence addFile(long taskId, String fileName, InputStream content, DataScope scope) {
		TaskView task = editable(taskId, scope);
		Uploads.StoredFile file = uploads.store(fileName, content, maxFileBytes, EnumSet.allOf(FileTypes.class));
		long id = insertEvidence(taskId, new MapSqlParameterSource().addValue("kind", EvidenceKind.FILE.name())
			.addValue("key", file.key())
			.addValue("name", file.name())
			.addValue("type", file.type().contentType())
			.addValue("size", file.size()));
		startIfAssigned(task, file.name());
		return evidenceItem(taskId, id);
	}

	/** Adds a meeting record (date, place, chaired by, attendance, minutes) as evidence. */
	public Evidence addMeeting(long taskId, MeetingRecord meeting, DataScope scope) {
		TaskView task = editable(taskId, scope);
		if (meeting.date() == null || meeting.date().isAfter(today())) {
			throw new BusinessRuleException("meetingDate", "workplan.meeting.error.date");
		}
		if (blank(meeting.place()) || blank(meeting.chairedBy()) || meeting.place().length() > 200 || meeting.chairedBy().length() > 100) {
			throw new BusinessRuleException("place", "workplan.meeting.error.place");
		}
		if (meeting.attendance() == null || meeting.attendance() < 1 || meeting.attendance() > 100_000) {
			throw new BusinessRuleException("attendance", "workplan.meeting.error.attendance");
		}
		if (meeting.minutes() != null && meeting.minutes().length() > 4000) {
			throw new BusinessRuleException("minutes", "workplan.meeting.error.minutes");
		}
		long id = insertEvidence(taskId, new MapSqlParameterSource().addValue("kind", EvidenceKind.MEETING.name())
			.addValue("date", meeting.date())
			.addValue("place", meeting.place().strip())
			.addValue("chaired", meeting.chairedBy().strip())
			.addValue("attendance", meeting.attendance())
			.addValue("minutes", blank(meeting.minutes()) ? null : meeting.minutes().strip()));
		startIfAssigned(task, meeting.date() + " " + meeting.place().strip());
		return evidenceItem(taskId, id);
	}

	/**
	 * Takes back evidence added by mistake while the task is with the unit (a submitted task's evidence
	 * stays as the reviewer saw it). A file is deleted from the store once the removal commits.
	 */
	public void removeEvidence(long taskId, long evidenceId, DataScope scope) {
		TaskView task = editable(taskId, scope);
		Evidence evidence = jdbc.sql("select * from task_evidence where id = :id and task_id = :task")
			.param("id", evidenceId)
			.param("task", taskId)
			.query(WorkTasks::evidence)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("task_evidence", evidenceId));
		Optional<String> fileKey = jdbc.sql("select file_key from task_evidence where id = :id")
			.param("id", evidenceId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single();
		jdbc.sql("delete from task_evidence where id = :id").param("id", evidenceId).update();
		history.record(task.id(), "UNEVIDENCE", task.status(), evidence.kind() == EvidenceKind.FILE ? evidence.fileName() : null);
		events.publishEvent(AuditEvent.of("task.evidence.remove", "work_task", task.id(), "evidence " + evidenceId + " " + evidence.kind()));
		fileKey.ifPresent(uploads::deleteAfterCommit);
	}

	/** Attaches an entry of the unit's own ledgers (a meeting held, a publicity activity ...) as evidence. */
	public Evidence attachLedgerEntry(long taskId, long entryId, DataScope scope) {
		TaskView task = editable(taskId, scope);
		Ledgers.LedgerEntry entry = ledgers.find(entryId, scope);
		if (entry.unitId() != task.unitId()) {
			throw BusinessRuleException.of("workplan.ledger.error.otherUnit");
		}
		long already = jdbc.sql("select count(*) from task_evidence where task_id = :task and ledger_entry_id = :entry")
			.param("task", taskId)
			.param("entry", entryId)
			.query(Long.class)
			.single();
		if (already > 0) {
			throw BusinessRuleException.of("workplan.ledger.error.already");
		}
		long id = insertEvidence(taskId, new MapSqlParameterSource().addValue("kind", EvidenceKind.LEDGER.name()).addValue("ledger", entryId));
		startIfAssigned(task, (entry.period() + " " + entry.headline()).strip());
		return evidenceItem(taskId, id);
	}

	@Transactional(readOnly = true)
	public List<Evidence> evidence(long taskId, DataScope scope) {
		find(taskId, scope);
		return jdbc.sql("select * from task_evidence where task_id = :task order by id").param("task", taskId).query(WorkTasks::evidence).list();
	}

	/** An evidence file's bytes, for download by whoever may see the task. */
	@Transactional(readOnly = true)
	public EvidenceFile file(long taskId, long evidenceId, DataScope scope) {
		find(taskId, scope);
		return jdbc.sql("select file_key, file_name, content_type, file_size from task_evidence where id = :id and task_id = :task and kind = 'FILE'")
			.param("id", evidenceId)
			.param("task", taskId)
			.query((rs, n) -> {
				try {
					return new EvidenceFile(rs.getString("file_name"), rs.getString("content_type"), rs.getLong("file_size"),
							files.open(rs.getString("file_key")));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			})
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("task_evidence", evidenceId));
	}

	@Transactional(readOnly = true)
	public List<StatusHistory.Entry<TaskStatus>> history(long taskId, DataScope scope) {
		find(taskId, scope);
		return history.of(taskId);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(DISTRICT_ZONE));
	}

	/** Evidence can be added while the task is with the unit. */
	private TaskView editable(long taskId, DataScope scope) {
		TaskView task = find(taskId, scope);
		if (scope.districtWide()) {
			throw BusinessRuleException.of("workplan.task.error.role");
		}
		if (!TaskStatus.WITH_UNIT.contains(task.status())) {
			throw BusinessRuleException.of("workplan.task.error.notEditable");
		}
		return task;
	}

	/** Evidence added to a task not yet started starts it, then is recorded in its history. */
	private void startIfAssigned(TaskView seen, String summary) {
		WorkTask task = load(seen.id());
		if (task.status() == TaskStatus.ASSIGNED) {
			move(task, TaskAction.START, null, false);
		}
		history.record(seen.id(), "EVIDENCE", task.status(), summary);
	}

	private WorkTask load(long id) {
		return repository.load(id).orElseThrow(() -> new RecordNotFoundException("work_task", id));
	}

	/** One step of the task: the aggregate checks and takes it; saved, recorded, audited and published here. */
	private void move(WorkTask task, TaskAction action, String comment, boolean hasEvidence) {
		TaskStatus before = task.status();
		TaskNoticeEvent event = task.act(action, comment, hasEvidence, clock.instant());
		Aggregates.save(repository, task, "workplan.task.error.stale");
		String given = comment == null || comment.isBlank() ? null : comment.strip();
		history.record(task.id(), action.name(), task.status(), given);
		events.publishEvent(AuditEvent.of(action.auditAction(), "work_task", task.id(),
				before + " -> " + task.status() + (given == null ? "" : ", comment=" + given)));
		if (event != null) {
			events.publishEvent(event);
		}
	}

	private boolean hasEvidence(long taskId) {
		return jdbc.sql("select count(*) from task_evidence where task_id = :task").param("task", taskId).query(Long.class).single() > 0;
	}

	private long insertEvidence(long taskId, MapSqlParameterSource values) {
		var key = new GeneratedKeyHolder();
		values.addValue("task", taskId)
			.addValue("at", SqlTimes.bind(clock.instant()))
			.addValue("by", CurrentUser.get().map(CurrentUser::username).orElse(null));
		for (String optional : List.of("key", "name", "type", "size", "date", "place", "chaired", "attendance", "minutes", "ledger")) {
			if (!values.hasValue(optional)) {
				values.addValue(optional, null);
			}
		}
		jdbc.sql("""
				insert into task_evidence (task_id, kind, file_key, file_name, content_type, file_size, meeting_date, place, chaired_by,
				  attendance, minutes, ledger_entry_id, created_at, created_by)
				values (:task, :kind, :key, :name, :type, :size, :date, :place, :chaired, :attendance, :minutes, :ledger, :at, :by)""")
			.paramSource(values)
			.update(key, "id");
		return key.getKey().longValue();
	}

	private Evidence evidenceItem(long taskId, long id) {
		return jdbc.sql("select * from task_evidence where id = :id and task_id = :task")
			.param("id", id)
			.param("task", taskId)
			.query(WorkTasks::evidence)
			.single();
	}

	private TaskView task(ResultSet rs, int n) throws SQLException {
		TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		return new TaskView(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_name"), rs.getLong("item_id"),
				PlanSection.valueOf(rs.getString("section")), rs.getString("title"), rs.getString("description"),
				ExpectedEvidence.valueOf(rs.getString("evidence")), rs.getLong("unit_id"), status, due,
				SqlTimes.instant(rs, "submitted_at"), SqlTimes.instant(rs, "closed_at"), rs.getString("last_comment"), rs.getInt("version"),
				TaskStatus.WITH_UNIT.contains(status) && due.isBefore(today()));
	}

	private static Evidence evidence(ResultSet rs, int n) throws SQLException {
		return new Evidence(rs.getLong("id"), EvidenceKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
				rs.getString("content_type"), rs.getObject("file_size", Long.class), rs.getObject("meeting_date", LocalDate.class),
				rs.getString("place"), rs.getString("chaired_by"), rs.getObject("attendance", Integer.class), rs.getString("minutes"),
				rs.getObject("ledger_entry_id", Long.class), SqlTimes.instant(rs, "created_at"), rs.getString("created_by"));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
