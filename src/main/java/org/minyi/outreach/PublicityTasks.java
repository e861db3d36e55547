package org.minyi.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.scoring.FocusAreas;
import org.minyi.workplan.ExpectedEvidence;
import org.minyi.workplan.ItemDraft;
import org.minyi.workplan.PlanSection;
import org.minyi.workplan.WorkPlans;
import org.minyi.workplan.WorkPlans.ItemView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publicity in a community whose residents pull its township's score down, given in one step from
 * the focus page: an item of a work plan (its focus-area part) named for the community, saying which
 * indicators are weak; the work plan turns it into the community's task with its lifecycle and
 * evidence (at once on a published plan, on publication for a draft).
 */
@Service
@Transactional
public class PublicityTasks {

	/** Item texts are data read by units in the district, so they are written in its language. */
	private static final Locale DISTRICT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/** Townships searched for the community's weak indicators: every township of a district. */
	private static final int ALL_TOWNSHIPS = 1_000;

	private final WorkPlans plans;

	private final FocusAreas focus;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Clock clock;

	PublicityTasks(WorkPlans plans, FocusAreas focus, UnitManagement units, MessageSource messages, Clock clock) {
		this.plans = plans;
		this.focus = focus;
		this.units = units;
		this.messages = messages;
		this.clock = clock;
	}

	/** Adds the community's publicity item to the plan, due on the given day. */
	public ItemView assign(long roundId, long communityId, long planId, LocalDate dueDate) {
		UnitView community = units.findById(communityId).filter(u -> u.active() && u.kind() == UnitKind.COMMUNITY)
			.orElseThrow(() -> new BusinessRuleException("unitId", "outreach.focus.error.community"));
		if (plans.find(planId).isEmpty()) {
			throw new BusinessRuleException("planId", "outreach.focus.error.plan");
		}
		if (dueDate == null || dueDate.isBefore(LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE)))) {
			throw new BusinessRuleException("dueDate", "outreach.focus.error.dueDate");
		}
		String title = messages.getMessage("outreach.publicity.title", new Object[] { community.name() }, DISTRICT_LOCALE);
		String description = messages.getMessage("outreach.publicity.description", new Object[] { weakIndicators(roundId, community) },
				DISTRICT_LOCALE);
		return plans.addItem(planId, new ItemDraft(PlanSection.FOCUS, title, description, dueDate, ExpectedEvidence.ANY, Set.of(),
				Set.of(community.id())));
	}

	/** The township's weak indicators in the round, by name ("-" when the round shows none). */
	private String weakIndicators(long roundId, UnitView community) {
		List<String> weak = focus.lowestTownships(roundId, ALL_TOWNSHIPS).stream()
			.filter(area -> community.parentId() != null && area.townshipId() == community.parentId())
			.findFirst()
			.map(FocusAreas.Focus::weakIndicators)
			.orElse(List.of());
		return weak.isEmpty() ? "-" : weak.stream()
			.map(code -> messages.getMessage("indicator." + code, null, code, DISTRICT_LOCALE))
			.collect(Collectors.joining(messages.getMessage("outreach.publicity.separator", null, DISTRICT_LOCALE)));
	}
}
