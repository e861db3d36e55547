package org.minyi.survey;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.platform.tabular.ImportProblem;
import org.minyi.platform.tabular.TabularFileException;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.platform.tabular.TabularRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official results ledger: the scores and ranks the province or city publishes for the
 * district, its townships and political-legal departments, per official round. Entered in the page
 * or imported from the Excel template (all or nothing, every bad row reported); every change is
 * audited with the values before and after.
 */
@Service
@Transactional
public class OfficialResults {

	/** Columns of the template, in order; headers come from {@code official.column.<NAME>}. */
	enum Column {
		UNIT_CODE, UNIT_NAME, OVERALL_SCORE, SECURITY_SCORE, SATISFACTION_SCORE, RANK, RANKED_AMONG, NOTE;

		String messageKey() {
			return "official.column." + name();
		}
	}

	private static final List<Locale> HEADER_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final JdbcClient jdbc;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OfficialResults(JdbcClient jdbc, RoundManagement rounds, UnitManagement units, MessageSource messages,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.units = units;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/** Results by unit id. */
	@Transactional(readOnly = true)
	public Map<Long, OfficialResult> of(long roundId) {
		return jdbc.sql("""
				select unit_id, overall_score, security_score, satisfaction_score, rank_position, ranked_among, note
				from official_result where survey_round = :round""")
			.param("round", roundId)
			.query(OfficialResults::row)
			.stream()
			.collect(Collectors.toMap(OfficialResult::unitId, Function.identity()));
	}

	public List<String> headers(Locale locale) {
		return Arrays.stream(Column.values()).map(c -> messages.getMessage(c.messageKey(), null, locale)).toList();
	}

	/** The template: every unit in the round's scope with what is recorded so far, so it re-imports unchanged. */
	@Transactional(readOnly = true)
	public void template(long roundId, ExcelExport sheet) {
		Map<Long, OfficialResult> recorded = of(roundId);
		for (UnitView unit : unitsInScope(officialRound(roundId))) {
			OfficialResult r = recorded.get(unit.id());
			List<Object> row = new ArrayList<>(List.of(unit.code(), unit.name()));
			row.addAll(r == null ? List.of() : Arrays.asList(r.overallScore(), r.securityScore(), r.satisfactionScore(), r.rank(),
					r.rankedAmong(), r.note()));
			sheet.row(row);
		}
	}

	/** Imports a filled template; returns the problems, and stores nothing unless there are none. */
	public List<ImportProblem> importFile(long roundId, InputStream file) {
		RoundView round = officialRound(roundId);
		List<TabularRow> rows = new ArrayList<>();
		try {
			TabularReader.read(file, unitsInScope(round).size() + 100, rows::add);
		}
		catch (TabularFileException e) {
			return List.of(new ImportProblem(0, e.messageKey(), e.arguments()));
		}
		List<ImportProblem> problems = new ArrayList<>();
		Map<Column, Integer> columns = columns(rows.get(0), problems);
		Map<String, UnitView> byCode = unitsInScope(round).stream().collect(Collectors.toMap(UnitView::code, Function.identity()));
		Map<Long, OfficialResult> parsed = new LinkedHashMap<>();
		Map<Long, Integer> seenOnRow = new HashMap<>();
		for (TabularRow row : problems.isEmpty() ? rows.subList(1, rows.size()) : List.<TabularRow>of()) {
			if (!row.isBlank()) {
				parse(row, columns, byCode, parsed, seenOnRow, problems);
			}
		}
		if (problems.isEmpty() && parsed.isEmpty()) {
			problems.add(new ImportProblem(0, "tabular.error.noData"));
		}
		if (problems.isEmpty()) {
			save(roundId, parsed.values());
		}
		return problems;
	}

	/** Stores the given results (an empty one clears the unit's) and audits what changed. */
	public void save(long roundId, Collection<OfficialResult> results) {
		RoundView round = officialRound(roundId);
		Set<Long> inScope = round.targets().stream().map(Target::unitId).collect(Collectors.toSet());
		results.forEach(OfficialResult::check);
		if (!results.stream().allMatch(r -> inScope.contains(r.unitId()))) {
			throw BusinessRuleException.of("round.error.unitNotInScope");
		}
		Map<Long, OfficialResult> before = of(roundId);
		List<String> changes = new ArrayList<>();
		for (OfficialResult result : results) {
			OfficialResult old = before.get(result.unitId());
			if (Objects.equals(normalised(old), normalised(result))) {
				continue;
			}
			jdbc.sql("delete from official_result where survey_round = :round and unit_id = :unit")
				.param("round", roundId).param("unit", result.unitId()).update();
			if (!result.isEmpty()) {
				insert(roundId, result);
			}
			changes.add(describe(result.unitId(), old) + " -> " + describe(result.unitId(), result));
		}
		if (!changes.isEmpty()) {
			String summary = String.join("; ", changes);
			events.publishEvent(AuditEvent.of("official.save", "round", roundId,
					summary.length() > 900 ? summary.substring(0, 900) + "…" : summary));
		}
	}

	private void insert(long roundId, OfficialResult result) {
		jdbc.sql("""
				insert into official_result (survey_round, unit_id, overall_score, security_score, satisfaction_score,
				  rank_position, ranked_among, note, updated_at, updated_by)
				values (:round, :unit, :overall, :security, :satisfaction, :rank, :among, :note, :at, :by)""")
			.param("round", roundId)
			.param("unit", result.unitId())
			.param("overall", result.overallScore())
			.param("security", result.securityScore())
			.param("satisfaction", result.satisfactionScore())
			.param("rank", result.rank())
			.param("among", result.rankedAmong())
			.param("note", result.note() == null || result.note().isBlank() ? null : result.note().strip())
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse("system"))
			.update();
	}

	private void parse(TabularRow row, Map<Column, Integer> columns, Map<String, UnitView> byCode,
			Map<Long, OfficialResult> parsed, Map<Long, Integer> seenOnRow, List<ImportProblem> problems) {
		if (row.hasFormula()) {
			problems.add(new ImportProblem(row.number(), "tabular.error.formula"));
			return;
		}
		String code = cell(row, columns, Column.UNIT_CODE);
		UnitView unit = byCode.get(code);
		if (unit == null) {
			problems.add(new ImportProblem(row.number(), "official.import.unknownUnit", code));
			return;
		}
		if (seenOnRow.containsKey(unit.id())) {
			problems.add(new ImportProblem(row.number(), "official.import.duplicateUnit", code, seenOnRow.get(unit.id())));
			return;
		}
		seenOnRow.put(unit.id(), row.number());
		try {
			OfficialResult result = new OfficialResult(unit.id(), score(row, columns, Column.OVERALL_SCORE),
					score(row, columns, Column.SECURITY_SCORE), score(row, columns, Column.SATISFACTION_SCORE),
					whole(row, columns, Column.RANK), whole(row, columns, Column.RANKED_AMONG), cell(row, columns, Column.NOTE));
			result.check();
			parsed.put(unit.id(), result);
		}
		catch (BusinessRuleException e) {
			problems.add(new ImportProblem(row.number(), e.messageKey(), e.arguments()));
		}
	}

	private Map<Column, Integer> columns(TabularRow header, List<ImportProblem> problems) {
		Map<String, Column> known = new HashMap<>();
		for (Locale locale : HEADER_LOCALES) {
			for (Column column : Column.values()) {
				known.put(TabularReader.headerKey(messages.getMessage(column.messageKey(), null, locale)), column);
			}
		}
		Map<Column, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			Column column = known.get(TabularReader.headerKey(header.cell(i)));
			if (column != null) {
				columns.putIfAbsent(column, i);
			}
			else if (!header.cell(i).isEmpty()) {
				problems.add(new ImportProblem(1, "unit.import.unknownColumn", header.cell(i)));
			}
		}
		if (!columns.containsKey(Column.UNIT_CODE)) {
			problems.add(new ImportProblem(1, "unit.import.missingColumn",
					messages.getMessage(Column.UNIT_CODE.messageKey(), null, Locale.SIMPLIFIED_CHINESE)));
		}
		return columns;
	}

	private static String cell(TabularRow row, Map<Column, Integer> columns, Column column) {
		return columns.containsKey(column) ? row.cell(columns.get(column)) : "";
	}

	private BigDecimal score(TabularRow row, Map<Column, Integer> columns, Column column) {
		String text = cell(row, columns, column);
		try {
			return text.isEmpty() ? null : new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			throw BusinessRuleException.of("official.import.badNumber", header(column), text);
		}
	}

	private Integer whole(TabularRow row, Map<Column, Integer> columns, Column column) {
		String text = cell(row, columns, column);
		try {
			return text.isEmpty() ? null : new BigDecimal(text).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw BusinessRuleException.of("official.import.badNumber", header(column), text);
		}
	}

	private String header(Column column) {
		return messages.getMessage(column.messageKey(), null, Locale.SIMPLIFIED_CHINESE);
	}

	private RoundView officialRound(long roundId) {
		RoundView round = rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		if (round.kind() != RoundKind.OFFICIAL) {
			throw BusinessRuleException.of("official.error.kind");
		}
		return round;
	}

	private List<UnitView> unitsInScope(RoundView round) {
		Set<Long> inScope = round.targets().stream().map(Target::unitId).collect(Collectors.toSet());
		return units.list(DataScope.wholeDistrict()).stream().filter(u -> inScope.contains(u.id())).toList();
	}

	/** Scores compared by value (86.5 equals 86.50); an all-empty result equals none. */
	private static List<Object> normalised(OfficialResult r) {
		if (r == null || r.isEmpty()) {
			return null;
		}
		return Arrays.asList(strip(r.overallScore()), strip(r.securityScore()), strip(r.satisfactionScore()), r.rank(),
				r.rankedAmong(), r.note() == null || r.note().isBlank() ? null : r.note().strip());
	}

	private static BigDecimal strip(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}

	private String describe(long unitId, OfficialResult r) {
		String unit = units.findById(unitId).map(UnitView::code).orElse(String.valueOf(unitId));
		return r == null || r.isEmpty() ? unit + "[-]"
				: unit + "[" + r.overallScore() + "/" + r.securityScore() + "/" + r.satisfactionScore() + " #" + r.rank() + "/"
						+ r.rankedAmong() + "]";
	}

	private static OfficialResult row(ResultSet rs, int n) throws SQLException {
		return new OfficialResult(rs.getLong("unit_id"), rs.getBigDecimal("overall_score"), rs.getBigDecimal("security_score"),
				rs.getBigDecimal("satisfaction_score"), rs.getObject("rank_position", Integer.class),
				rs.getObject("ranked_among", Integer.class), rs.getString("note"));
	}
}
