package org.minyi.platform;

/**
 * A record that does not exist or lies outside the caller's data scope. Both cases look the same
 * to the caller (404), so nobody can probe for ids of other units.
 */
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String type, Object id) {
		super(type + " " + id + " not found");
	}
}
