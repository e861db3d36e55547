package org.minyi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The where clause of lists: a condition per filter set, every value bound, nothing for filters left empty. */
class WhereTests {

	@Test
	void eachFilterSetAddsABoundConditionAndEmptyOnesAddNothing() {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String sql = new Where(params).in("unit_id", Optional.of(List.of(3L, 4L)))
			.equal("status", DayOfWeek.MONDAY)
			.equal("category", null)
			.atLeast("received_at", 10)
			.before("received_at", null)
			.when(true, "due_date < :today")
			.when(false, "never")
			.sql();
		assertThat(sql).isEqualTo(" where 1 = 1 and unit_id in (:w1) and status = :w2 and received_at >= :w3 and due_date < :today");
		assertThat(params.getValue("w1")).isEqualTo(List.of(3L, 4L));
		assertThat(params.getValue("w2")).as("an enum by its name").isEqualTo("MONDAY");
		assertThat(params.getValue("w3")).isEqualTo(10);
		assertThat(params.getParameterNames()).containsExactlyInAnyOrder("w1", "w2", "w3");
	}

	@Test
	void noRestrictionAndNoFiltersIsEveryRow() {
		MapSqlParameterSource params = new MapSqlParameterSource();
		assertThat(new Where(params).in("unit_id", Optional.empty()).equal("status", null).sql()).isEqualTo(" where 1 = 1");
		assertThat(params.getParameterNames()).isEmpty();
	}

	@Test
	void aValueThatLooksLikeSqlIsOnlyEverABoundValue() {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String sql = new Where(params).equal("title", "x' or '1'='1").sql();
		assertThat(sql).doesNotContain("or '1'").endsWith("title = :w1");
		assertThat(params.getValue("w1")).isEqualTo("x' or '1'='1");
	}
}
