package org.dataembassy.portal.replication;

/** An object that failed a check, with the reason. */
public record ObjectProblem(String object, String reason) {
}
