package org.minyi.survey.invitation;

/** One invitation of a batch as staff print it: the secret token and whether it has been used. */
public record IssuedInvitation(int number, String token, boolean used) {
}
