package org.minyi.org;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The district this installation serves; its root unit is created on the first start. */
@ConfigurationProperties("minyi.district")
record OrgProperties(@DefaultValue("DISTRICT") String code, String name) {
}
