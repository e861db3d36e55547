package org.minyi.disputes;

import java.util.List;

import org.minyi.notices.NoticeKind;
import org.minyi.notices.NoticeKind.Audience;
import org.minyi.notices.NoticeKinds;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The disputes module's kind of notice: the district hears of a high-risk case at once, also by e-mail unless it turns that off. */
@Component
@Order(3)
class DisputeNotices implements NoticeKinds {

	static final NoticeKind HIGH_RISK = new NoticeKind("disputes", "DISPUTE_HIGH_RISK", Audience.DISTRICT, true);

	@Override
	public List<NoticeKind> kinds() {
		return List.of(HIGH_RISK);
	}
}
