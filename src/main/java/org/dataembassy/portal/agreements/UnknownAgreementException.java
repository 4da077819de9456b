package org.dataembassy.portal.agreements;

/** No agreement (or version) by that key in the registry. */
public class UnknownAgreementException extends RuntimeException {

    public UnknownAgreementException(String what) {
        super("no agreement " + (what != null && what.length() > 100 ? what.substring(0, 97) + "..." : what)
                + " in the registry");
    }
}
