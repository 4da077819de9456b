package org.dataembassy.portal.agreements;

/** The four-eyes rule: the author of a version may not approve or reject it, and the same person may not act twice. */
public class FourEyesException extends RuntimeException {

    public FourEyesException(String message) {
        super(message);
    }
}
