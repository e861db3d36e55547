package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Deadlines in working days, counted by hand on a calendar. The holidays are those of the State
 * Council's 2025 schedule for the National Day and Mid-Autumn break: 1–8 October off, with Sunday
 * 28 September and Saturday 11 October worked.
 */
class WorkingCalendarTests {

	private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3),
			LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 8));

	private static final Set<LocalDate> WORKED = Set.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));

	private final WorkingCalendar calendar = new WorkingCalendar(HOLIDAYS, WORKED);

	@Test
	void theDayOfReceiptDoesNotCountAndWeekendsAreSkipped() {
		WorkingCalendar plain = new WorkingCalendar(Set.of(), Set.of());
		// Friday 14 November 2025 + 3 working days = Wednesday 19 November
		assertThat(plain.plusWorkingDays(LocalDate.of(2025, 11, 14), 3)).isEqualTo(LocalDate.of(2025, 11, 19));
		// received on a Saturday: Monday is the first working day
		assertThat(plain.plusWorkingDays(LocalDate.of(2025, 11, 15), 1)).isEqualTo(LocalDate.of(2025, 11, 17));
		assertThat(plain.plusWorkingDays(LocalDate.of(2025, 11, 17), 10)).isEqualTo(LocalDate.of(2025, 12, 1));
		assertThat(plain.plusWorkingDays(LocalDate.of(2025, 11, 17), 0)).isEqualTo(LocalDate.of(2025, 11, 17));
	}

	@Test
	void holidaysAreSkippedAndWorkedWeekendDaysCount() {
		// Friday 26 September: Sunday 28th is worked, then 29th and 30th; the break; Thursday 9 October
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 26), 3)).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 26), 4)).isEqualTo(LocalDate.of(2025, 10, 9));
		// 9th, 10th, Saturday 11th (worked), Monday 13th
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 10, 8), 4)).isEqualTo(LocalDate.of(2025, 10, 13));
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 4))).as("a Saturday in the break").isFalse();
	}
}
