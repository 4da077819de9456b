package org.dataembassy.portal.agreements;

/** The action does not fit the version's current status (e.g. approving a draft, editing a published version). */
public class VersionStateException extends RuntimeException {

    public VersionStateException(String message) {
        super(message);
    }
}
