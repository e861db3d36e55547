package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.minyi.platform.BusinessRuleException;

/** Every action from every status: the legal ones lead where issue 7 says, the others are refused. */
class DisputeActionTests {

	private static final Map<DisputeStatus, Map<DisputeAction, DisputeStatus>> LEGAL = new EnumMap<>(DisputeStatus.class);

	static {
		for (DisputeStatus status : DisputeStatus.values()) {
			LEGAL.put(status, new EnumMap<>(DisputeAction.class));
		}
		LEGAL.get(DisputeStatus.RECEIVED).putAll(Map.of(DisputeAction.START_MEDIATION, DisputeStatus.MEDIATING, DisputeAction.WITHDRAW,
				DisputeStatus.WITHDRAWN));
		LEGAL.get(DisputeStatus.MEDIATING).putAll(Map.of(DisputeAction.AGREE, DisputeStatus.AGREED, DisputeAction.AGREE_IN_PART,
				DisputeStatus.PARTIALLY_AGREED, DisputeAction.REFER, DisputeStatus.REFERRED, DisputeAction.WITHDRAW, DisputeStatus.WITHDRAWN));
		LEGAL.get(DisputeStatus.AGREED).putAll(Map.of(DisputeAction.CONFIRM_FULFILMENT, DisputeStatus.CLOSED, DisputeAction.REFER,
				DisputeStatus.REFERRED));
		LEGAL.get(DisputeStatus.PARTIALLY_AGREED).putAll(Map.of(DisputeAction.CONFIRM_FULFILMENT, DisputeStatus.CLOSED, DisputeAction.REFER,
				DisputeStatus.REFERRED));
	}

	@Test
	void everyLegalTransitionLeadsWhereItShouldAndEveryOtherIsRefused() {
		int legal = 0;
		for (DisputeStatus status : DisputeStatus.values()) {
			for (DisputeAction action : DisputeAction.values()) {
				DisputeStatus expected = LEGAL.get(status).get(action);
				if (expected != null) {
					assertThat(action.from(status)).as("%s from %s", action, status).isEqualTo(expected);
					legal++;
				}
				else {
					assertThatThrownBy(() -> action.from(status)).as("%s from %s", action, status).isInstanceOf(BusinessRuleException.class)
						.hasMessage("disputes.error.transition");
					assertThat(action.allowedFrom(status)).isFalse();
				}
			}
		}
		assertThat(legal).isEqualTo(10);
	}

	@Test
	void openCasesAndNamesInBothLanguages() {
		assertThat(DisputeStatus.MEDIATING.open()).isTrue();
		assertThat(DisputeStatus.AGREED.open()).as("the agreement is still followed up").isTrue();
		assertThat(DisputeStatus.REFERRED.open()).isFalse();
		for (String bundle : new String[] { "messages_zh_CN", "messages_en" }) {
			ResourceBundle messages = ResourceBundle.getBundle(bundle);
			for (DisputeAction action : DisputeAction.values()) {
				assertThat(messages.containsKey("audit.action." + action.auditAction())).as("%s in %s", action, bundle).isTrue();
				assertThat(messages.containsKey("disputes.event." + action.name())).isTrue();
			}
		}
	}
}
