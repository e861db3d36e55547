package org.minyi.workplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.minyi.org.UnitManagement;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress board of a plan: completion per unit and per item, overdue and returned counts, and
 * the heat table of units × items for one page of units. Counted in the database (a plan of 5,000
 * units × 30 items is 150,000 tasks); a unit officer sees their subtree only.
 */
@Service
@Transactional(readOnly = true)
public class TaskBoard {

	/** Counts of one unit's or one item's tasks (cancelled ones are left out). */
	public record Progress(long id, long tasks, long done, long submitted, long returned, long overdue) {

		public int percentDone() {
			return tasks == 0 ? 0 : (int) (100 * done / tasks);
		}
	}

	/** One cell of the heat table. */
	public record Cell(TaskStatus status, boolean overdue, long taskId) {
	}

	public record Board(PageResult<Progress> units, List<Progress> items, Progress total, Map<Long, Map<Long, Cell>> cells) {
	}

	private static final String COUNTS = """
			count(*), sum(case when status = 'DONE' then 1 else 0 end), sum(case when status = 'SUBMITTED' then 1 else 0 end),
			sum(case when status = 'RETURNED' then 1 else 0 end),
			sum(case when status in ('ASSIGNED', 'IN_PROGRESS', 'RETURNED') and due_date < :today then 1 else 0 end)""";

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final Clock clock;

	TaskBoard(JdbcClient jdbc, UnitManagement units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	/** Units ordered by completion, least complete first, so the board leads with who needs chasing. */
	public Board board(long planId, DataScope scope, PageRequest page) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("plan", planId)
			.addValue("today", LocalDate.now(clock.withZone(WorkTasks.DISTRICT_ZONE)));
		String where = " where plan_id = :plan and status <> 'CANCELLED'";
		if (!scope.districtWide()) {
			where += " and unit_id in (:scope)";
			params.addValue("scope", units.subtreeIds(scope));
		}
		long unitCount = jdbc.sql("select count(distinct unit_id) from work_task" + where).paramSource(params).query(Long.class).single();
		params.addValue("limit", page.size()).addValue("offset", page.offset());
		List<Progress> unitRows = jdbc.sql("select unit_id, " + COUNTS + " from work_task" + where
				+ " group by unit_id order by sum(case when status = 'DONE' then 1 else 0 end) * 1.0 / count(*), unit_id"
				+ " limit :limit offset :offset")
			.paramSource(params)
			.query((rs, n) -> progress(rs))
			.list();
		List<Progress> items = jdbc.sql("select item_id, " + COUNTS + " from work_task" + where + " group by item_id")
			.paramSource(params)
			.query((rs, n) -> progress(rs))
			.list();
		Progress total = jdbc.sql("select 0, " + COUNTS + " from work_task" + where)
			.paramSource(params)
			.query((rs, n) -> progress(rs))
			.single();
		Map<Long, Map<Long, Cell>> cells = new HashMap<>();
		if (!unitRows.isEmpty()) {
			LocalDate today = (LocalDate) params.getValue("today");
			jdbc.sql("select id, unit_id, item_id, status, due_date from work_task where plan_id = :plan and unit_id in (:units)")
				.param("plan", planId)
				.param("units", unitRows.stream().map(Progress::id).toList())
				.query(rs -> {
					TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
					cells.computeIfAbsent(rs.getLong("unit_id"), u -> new HashMap<>())
						.put(rs.getLong("item_id"), new Cell(status,
								TaskStatus.WITH_UNIT.contains(status) && rs.getObject("due_date", LocalDate.class).isBefore(today),
								rs.getLong("id")));
				});
		}
		return new Board(new PageResult<>(unitRows, page.page(), page.size(), unitCount), items, total, cells);
	}

	private static Progress progress(ResultSet rs) throws SQLException {
		return new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
	}
}
