package org.minyi.outreach;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code minyi.outreach}: answer deadlines per category in working days, the year's
 * holidays and worked weekend days, and how many public-form submissions one address may make in
 * a window.
 */
@ConfigurationProperties("minyi.outreach")
public record OutreachProperties(Map<RequestCategory, Integer> sla, List<LocalDate> holidays, List<LocalDate> workedWeekendDays,
		@DefaultValue("5") int publicRequestsPerAddress, @DefaultValue("1h") Duration publicRequestWindow) {

	public OutreachProperties {
		sla = sla == null ? Map.of() : Map.copyOf(sla);
		holidays = holidays == null ? List.of() : List.copyOf(holidays);
		workedWeekendDays = workedWeekendDays == null ? List.of() : List.copyOf(workedWeekendDays);
	}

	/** Working days to answer a request of the category. */
	public int workingDays(RequestCategory category) {
		return sla.getOrDefault(category, category.defaultWorkingDays());
	}

	public Map<RequestCategory, Integer> deadlines() {
		Map<RequestCategory, Integer> all = new EnumMap<>(RequestCategory.class);
		for (RequestCategory category : RequestCategory.values()) {
			all.put(category, workingDays(category));
		}
		return all;
	}

	public WorkingCalendar calendar() {
		return new WorkingCalendar(java.util.Set.copyOf(holidays), java.util.Set.copyOf(workedWeekendDays));
	}
}
