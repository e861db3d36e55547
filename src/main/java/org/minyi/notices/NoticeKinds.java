package org.minyi.notices;

import java.util.List;

/**
 * A module's declaration of its kinds of notice: a bean of the module implements it, and the notice
 * centre lists the kinds in the settings (in the beans' order) and reads stored notices by them.
 */
public interface NoticeKinds {

	List<NoticeKind> kinds();
}
