package org.minyi.outreach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days for answer deadlines: Monday to Friday, less the public holidays, plus the weekend
 * days that are worked in exchange for holiday bridges, both as configured for the year.
 */
public final class WorkingCalendar {

	private final Set<LocalDate> holidays;

	private final Set<LocalDate> workedWeekendDays;

	public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workedWeekendDays) {
		this.holidays = Set.copyOf(holidays);
		this.workedWeekendDays = Set.copyOf(workedWeekendDays);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (workedWeekendDays.contains(day)) {
			return true;
		}
		return !holidays.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The day by which something received on {@code start} is due with {@code days} working days:
	 * the day of receipt does not count, so 3 working days from a Friday is the next Wednesday.
	 */
	public LocalDate plusWorkingDays(LocalDate start, int days) {
		LocalDate day = start;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}
}
