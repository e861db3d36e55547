/**
 * Web self-response as staff run it, for survey's own pages: invitation batches and their secret
 * tokens, and how a round stands — responses, invitations issued and used per township.
 */
package org.minyi.survey.invitation;
